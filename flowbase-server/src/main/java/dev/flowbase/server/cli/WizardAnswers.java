package dev.flowbase.server.cli;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Secret;
import dev.flowbase.engine.Engine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the init wizard was told. The password is held in {@code database} only to test the
 * connection and to be written to its own file: {@link #yaml} never contains it.
 *
 * @param passwordFile where the password is kept (mode 600), or null when it stays in the environment
 * @param redisUrl null when Redis is not used
 * @param environment empty until it is asked, last
 */
record WizardAnswers(DatabaseConfig database, Path passwordFile, String redisUrl, String environment) {

    /** Answers about the database, read through the same loader and rules as every other source of settings. */
    static WizardAnswers of(Engine engine, String host, int port, String name, String user, Secret password) {
        Map<String, String> v = new HashMap<>();
        v.put("DB_ENGINE", engine.id());
        v.put("DB_NAME", name);
        if (!engine.isEmbedded()) {
            v.put("DB_HOST", host);
            v.put("DB_PORT", Integer.toString(port));
            v.put("DB_USER", user);
            if (!password.isEmpty()) {
                v.put("DB_PASSWORD", password.value());
            }
        }
        return new WizardAnswers(new ConfigLoader().environment(v).load().database(), null, null, "");
    }

    WizardAnswers withPasswordFile(Path file) {
        return new WizardAnswers(database, file, redisUrl, environment);
    }

    WizardAnswers withRedis(String url) {
        return new WizardAnswers(database, passwordFile, url, environment);
    }

    WizardAnswers withEnvironment(String name) {
        return new WizardAnswers(database, passwordFile, redisUrl, name);
    }

    /** flowbase.yml: every answer but the password, which is in its file or the environment. */
    String yaml() {
        DatabaseConfig d = database;
        StringBuilder y = new StringBuilder()
                .append("# Written by the flowbase init wizard; every setting is in docs/configuration.md.\n")
                .append("environment: ")
                .append(quote(environment))
                .append('\n')
                .append("database:\n")
                .append("  engine: ")
                .append(d.engine().id())
                .append('\n')
                .append("  name: ")
                .append(quote(d.database()))
                .append('\n');
        if (!d.engine().isEmbedded()) {
            y.append("  host: ")
                    .append(quote(d.host()))
                    .append('\n')
                    .append("  port: ")
                    .append(d.port())
                    .append('\n')
                    .append("  user: ")
                    .append(quote(d.user()))
                    .append('\n');
            if (passwordFile != null) {
                y.append("  password_file: ")
                        .append(quote(passwordFile.toString()))
                        .append('\n');
            } else if (!d.password().isEmpty()) {
                y.append("  # The password is not stored: set DB_PASSWORD for every flowbase command.\n");
            }
        }
        if (redisUrl != null) {
            y.append("redis:\n  url: ").append(quote(redisUrl)).append('\n');
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar: whatever was typed stays text, never YAML syntax. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
