package dev.flowbase.status;

/**
 * One part's verdict, with what a person needs to know about it (never a secret), and how long
 * finding it out took.
 */
public record Check(String name, Verdict verdict, String detail, long millis) {
    public Check(String name, Verdict verdict, String detail) {
        this(name, verdict, detail, 0);
    }

    static Check ok(String name, String detail) {
        return new Check(name, Verdict.OK, detail);
    }

    Check took(long elapsedMillis) {
        return new Check(name, verdict, detail, elapsedMillis);
    }
}
