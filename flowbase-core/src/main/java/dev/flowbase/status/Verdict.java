package dev.flowbase.status;

/** How a part is doing: {@code WARNING} deserves a look, {@code FAILING} stops the part from working. */
public enum Verdict {
    OK,
    WARNING,
    FAILING;

    /** The worse of the two. */
    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
