package dev.flowbase.status;

/** One part's verdict, with what a person needs to know about it (never a secret). */
public record Check(String name, Verdict verdict, String detail) {
    static Check ok(String name, String detail) {
        return new Check(name, Verdict.OK, detail);
    }
}
