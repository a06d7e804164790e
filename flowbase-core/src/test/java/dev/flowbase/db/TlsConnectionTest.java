package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.config.SslMode;
import dev.flowbase.engine.Engine;
import dev.flowbase.testing.TestEngines;
import dev.flowbase.testing.TlsPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS to PostgreSQL for real: a cluster of the test's own that refuses plain connections, with a
 * certificate for {@code localhost} signed by a CA the test made. Each mode does what libpq's
 * does, and a wrong host name or a wrong CA is refused with words that say what to change.
 */
class TlsConnectionTest {
    private static TlsPostgres pg;

    @BeforeAll
    static void startCluster() {
        Assumptions.assumeTrue(TestEngines.selected().contains(Engine.POSTGRESQL), "PostgreSQL not selected");
        pg = TlsPostgres.start();
    }

    @AfterAll
    static void stopCluster() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void verifyFullByTheNameOnTheCertificateConnectsEncrypted() {
        var config = DatabaseConfig.fromUrl(pg.url("localhost", "sslmode=verify-full&sslrootcert=" + pg.ca));

        assertThat(config.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(encrypted(config)).isTrue();
    }

    @Test
    void theSettingsDbSslModeAndDbSslCaDoWhatTheUrlDoes() {
        var config = new ConfigLoader()
                .environment(Map.of("DB_SSL_MODE", "verify-full", "DB_SSL_CA", pg.ca.toString()))
                .flag(Settings.DATABASE_URL, pg.url("localhost", ""))
                .load()
                .database();

        assertThat(encrypted(config)).isTrue();
    }

    @Test
    void verifyFullRefusesAHostNameTheCertificateDoesNotCarry() {
        var config = DatabaseConfig.fromUrl(pg.url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + pg.ca));

        DatabaseException e = refused(config);

        assertThat(e.kind()).isEqualTo(SqlErrorKind.TLS_FAILED);
        assertThat(e.getMessage()).contains("certificate", "does not name the host '127.0.0.1'", "verify-ca");
    }

    @Test
    void verifyCaChecksTheSignatureButNotTheHostName() {
        var config = DatabaseConfig.fromUrl(pg.url("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + pg.ca));

        assertThat(encrypted(config)).isTrue();
    }

    @Test
    void aCertificateNotSignedByTheGivenCaIsRefused() {
        for (String mode : new String[] {"verify-ca", "verify-full"}) {
            var config = DatabaseConfig.fromUrl(pg.url("localhost", "sslmode=" + mode + "&sslrootcert=" + pg.otherCa));

            DatabaseException e = refused(config);

            assertThat(e.kind()).as(mode).isEqualTo(SqlErrorKind.TLS_FAILED);
            assertThat(e.getMessage()).as(mode).contains("not signed by a CA", pg.otherCa.toString(), "DB_SSL_CA");
        }
    }

    @Test
    void requireEncryptsWithoutCheckingTheCertificate() {
        var config = DatabaseConfig.fromUrl(pg.url("127.0.0.1", "sslmode=require&sslrootcert=" + pg.otherCa));

        assertThat(encrypted(config)).isTrue();
    }

    @Test
    void aPlainConnectionIsRefusedByThisClusterSoThePassesAboveWereEncrypted() {
        var config = DatabaseConfig.fromUrl(pg.url("127.0.0.1", "sslmode=disable"));

        assertThat(refused(config).getMessage()).contains("over TLS only", "DB_SSL_MODE");
    }

    private static boolean encrypted(DatabaseConfig config) {
        try (Database db = Database.open(config)) {
            return db.withHandle(
                    "Reading the session's TLS",
                    h -> h.createQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                            .mapTo(Boolean.class)
                            .one());
        }
    }

    private static DatabaseException refused(DatabaseConfig config) {
        DatabaseException e = catchThrowableOfType(
                DatabaseException.class, () -> Database.open(config).close());
        assertThat(e)
                .as("connecting to " + config.describeTarget() + " should fail")
                .isNotNull();
        return e;
    }
}
