package dev.flowbase.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Settings;
import dev.flowbase.engines.mariadb.MariaDbDialect;
import dev.flowbase.engines.postgresql.PostgresDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each engine's dialect turns libpq's TLS modes and the CA file into its driver's own words
 * (pgjdbc's sslmode/sslrootcert, Connector/J's sslMode/serverSslCert). PostgreSQL's are also
 * proven against a TLS server by TlsConnectionTest; MariaDB's here, since no TLS MariaDB runs.
 */
class TlsDriverSettingsTest {
    private static DatabaseConfig config(String url, Map<String, String> env) {
        return new ConfigLoader()
                .environment(env)
                .flag(Settings.DATABASE_URL, url)
                .load()
                .database();
    }

    @Test
    void mariadbGetsConnectorJsModesAndTheCaFile(@TempDir Path dir) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        var dialect = new MariaDbDialect();
        String url = "mariadb://u@db.example:3306/app";

        assertThat(dialect.driverProperties(config(url, Map.of()))).containsEntry("sslMode", "disable");
        assertThat(dialect.driverProperties(config(url + "?sslmode=require", Map.of())))
                .containsEntry("sslMode", "trust")
                .doesNotContainKey("sslrootcert");
        assertThat(dialect.driverProperties(config(url + "?sslmode=verify-ca&sslrootcert=" + ca, Map.of())))
                .containsEntry("sslMode", "verify-ca")
                .containsEntry("serverSslCert", ca.toString())
                .doesNotContainKey("sslrootcert");
        assertThat(dialect.driverProperties(config(url, Map.of("DB_SSL_MODE", "verify-full"))))
                .containsEntry("sslMode", "verify-full")
                .doesNotContainKey("serverSslCert");
        assertThat(dialect.driverProperties(config(url, Map.of("DB_SSL", "true"))))
                .containsEntry("sslMode", "verify-full");
    }

    @Test
    void aCaFileThatCannotBeReadIsRefusedNamingTheSetting() {
        var problem = catchThrowable(() -> config("postgresql://u@h/app", Map.of("DB_SSL_CA", "/nowhere/ca.pem")));

        assertThat(problem).hasMessageContaining("DB_SSL_CA").hasMessageContaining("readable PEM file");
    }

    @Test
    void postgresqlGetsLibpqsModesAndTheJavaTrustStoreWithoutACaFile() {
        var dialect = new PostgresDialect();
        String url = "postgresql://u@db.example:5432/app";

        assertThat(dialect.driverProperties(config(url, Map.of()))).containsEntry("sslmode", "disable");
        assertThat(dialect.driverProperties(
                        config(url, Map.of("DB_SSL", "true", "DB_SSL_REJECT_UNAUTHORIZED", "false"))))
                .containsEntry("sslmode", "require")
                .containsEntry("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
        assertThat(dialect.driverProperties(config(url, Map.of("DB_SSL_MODE", "verify-ca"))))
                .containsEntry("sslmode", "verify-ca")
                .containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
    }
}
