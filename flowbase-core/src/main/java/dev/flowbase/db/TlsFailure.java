package dev.flowbase.db;

import dev.flowbase.config.DatabaseConfig;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Why a TLS connection was refused on our side, in words that say what to change: the server's
 * certificate does not name the host connected to ({@code verify-full}), or it is not signed by
 * the CA that was to be trusted. The drivers say this in their own words, deep in the causes.
 */
final class TlsFailure {
    private TlsFailure() {}

    /** What went wrong in the TLS handshake, or empty when the failure is not about the certificate. */
    static Optional<String> describe(DatabaseConfig config, SQLException e) {
        if (!config.sslVerify()) {
            return Optional.empty();
        }
        String text = messages(e);
        String trusted = config.sslCa()
                .map(ca -> "the CA in " + ca + " (DB_SSL_CA or sslrootcert)")
                .orElse("a CA of Java's trust store (give the CA's PEM file in DB_SSL_CA or sslrootcert)");
        if (text.contains("hostname") || text.contains("subject alternative") || text.contains("no name matching")) {
            return Optional.of("the server's certificate does not name the host '" + config.host() + "' ("
                    + config.sslMode().text() + " checks the name): connect by a name the certificate carries, or"
                    + " use sslmode=verify-ca to check the signature only");
        }
        if (has(e, CertPathBuilderException.class)
                || has(e, CertPathValidatorException.class)
                || text.contains("pkix path")
                || text.contains("certification path")
                || text.contains("signature check failed")) {
            return Optional.of("the server's certificate is not signed by a CA that is trusted here: "
                    + trusted + " did not sign it; check that the file holds the CA that signed the server's"
                    + " certificate");
        }
        if (has(e, CertificateException.class) || has(e, SSLException.class)) {
            return Optional.of(
                    "the TLS handshake failed (" + SqlErrors.firstLine(e) + "); the CA trusted is " + trusted);
        }
        return Optional.empty();
    }

    /** A hint for a login refused because it came without TLS (PostgreSQL's {@code hostssl} lines). */
    static String plainRefusedHint(DatabaseConfig config, SQLException e) {
        return !config.ssl() && messages(e).contains("no encryption")
                ? "; the server accepts this user over TLS only (no encryption was used): set DB_SSL_MODE=verify-full"
                        + " (or sslmode= in the URL)"
                : "";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        return ConnectFailure.has(e, type);
    }

    private static String messages(Throwable e) {
        return ConnectFailure.messages(e).toLowerCase(Locale.ROOT);
    }
}
