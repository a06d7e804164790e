package dev.flowbase.server.cli;

import dev.flowbase.config.Secret;
import dev.flowbase.engine.Engine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the init wizard was told. The password is held here only to test the connection and to be
 * written to its own file: {@link #yaml} never contains it.
 *
 * @param passwordFile where the password is kept (mode 600), or null when it stays in the environment
 * @param redisUrl null when Redis is not used
 */
record WizardAnswers(
        Engine engine,
        String host,
        int port,
        String database,
        String user,
        Secret password,
        Path passwordFile,
        String redisUrl,
        String environment) {

    /** The answers as the variables Flowbase reads, so they are checked by the same rules as everywhere. */
    Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("DB_ENGINE", engine.id());
        v.put("DB_NAME", database);
        if (!engine.isEmbedded()) {
            v.put("DB_HOST", host);
            v.put("DB_PORT", Integer.toString(port));
            v.put("DB_USER", user);
            if (!password.isEmpty()) {
                v.put("DB_PASSWORD", password.value());
            }
        }
        if (redisUrl != null) {
            v.put("REDIS_URL", redisUrl);
        }
        if (!environment.isEmpty()) {
            v.put("FLOWBASE_ENVIRONMENT", environment);
        }
        return v;
    }

    WizardAnswers withPasswordFile(Path file) {
        return new WizardAnswers(engine, host, port, database, user, password, file, redisUrl, environment);
    }

    WizardAnswers withRedis(String url) {
        return new WizardAnswers(engine, host, port, database, user, password, passwordFile, url, environment);
    }

    WizardAnswers withEnvironment(String name) {
        return new WizardAnswers(engine, host, port, database, user, password, passwordFile, redisUrl, name);
    }

    /** flowbase.yml: every answer but the password, which is in its file or the environment. */
    String yaml() {
        StringBuilder y = new StringBuilder()
                .append("# Written by the flowbase init wizard; every setting is in docs/configuration.md.\n")
                .append("environment: ")
                .append(quote(environment))
                .append('\n')
                .append("database:\n")
                .append("  engine: ")
                .append(engine.id())
                .append('\n')
                .append("  name: ")
                .append(quote(database))
                .append('\n');
        if (!engine.isEmbedded()) {
            y.append("  host: ")
                    .append(quote(host))
                    .append('\n')
                    .append("  port: ")
                    .append(port)
                    .append('\n')
                    .append("  user: ")
                    .append(quote(user))
                    .append('\n');
            if (passwordFile != null) {
                y.append("  password_file: ")
                        .append(quote(passwordFile.toString()))
                        .append('\n');
            } else if (!password.isEmpty()) {
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
