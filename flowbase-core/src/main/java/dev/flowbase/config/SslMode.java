package dev.flowbase.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How the connection to a database server is protected, in libpq's words, which PostgreSQL and
 * MariaDB users both know: each engine's dialect turns it into its driver's own settings.
 */
public enum SslMode {
    /** Plain TCP. */
    DISABLE,
    /** Encrypted, but the server's certificate is not checked: a man in the middle is not noticed. */
    REQUIRE,
    /** Encrypted, and the certificate is signed by the trusted CA (DB_SSL_CA, else Java's trust store). */
    VERIFY_CA,
    /** As {@link #VERIFY_CA}, and the certificate names the host connected to. */
    VERIFY_FULL;

    static final String EXPECTED = "expected one of disable, require, verify-ca, verify-full";

    /** As libpq writes it: {@code verify-full}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean encrypted() {
        return this != DISABLE;
    }

    /** Whether the server's certificate must be signed by a trusted CA. */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /**
     * The mode {@code text} names; libpq's {@code allow} and {@code prefer} read as {@code require},
     * since Flowbase never falls back to plain text once TLS is asked for.
     */
    public static Optional<SslMode> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "disable" -> Optional.of(DISABLE);
            case "allow", "prefer", "require", "trust" -> Optional.of(REQUIRE);
            case "verify-ca" -> Optional.of(VERIFY_CA);
            case "verify-full" -> Optional.of(VERIFY_FULL);
            default -> Optional.empty();
        };
    }

    /** The mode the older switches give: DB_SSL and DB_SSL_REJECT_UNAUTHORIZED. */
    static SslMode of(boolean ssl, boolean verify) {
        return !ssl ? DISABLE : verify ? VERIFY_FULL : REQUIRE;
    }
}
