package dev.flowbase.server.cli;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.DatabaseConfig;
import dev.flowbase.config.Environments;
import dev.flowbase.config.Secret;
import dev.flowbase.db.ConnectionCheck;
import dev.flowbase.db.DatabaseException;
import dev.flowbase.db.SqlErrorKind;
import dev.flowbase.engine.Engine;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.redis.RedisCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code flowbase init} on a terminal with nothing configured: asks for the engine, where the
 * database is, who connects, the password (without echo), Redis and the environment, and tests
 * each connection as soon as it can. Nothing is written until the last answer; then the caller
 * writes {@link WizardAnswers} and initialises.
 */
final class InitWizard {
    private static final List<String> ENGINES = List.of("sqlite", "postgresql", "mariadb");
    private static final List<String> ENVIRONMENTS =
            List.of(Environments.DEVELOPMENT, Environments.TESTING, Environments.PRODUCTION);
    static final Path PASSWORD_FILE = Path.of(".flowbase-db-password");

    private final Prompts prompts;

    InitWizard(Prompts prompts) {
        this.prompts = prompts;
    }

    /** The answers, or empty when the user declined at the end. */
    Optional<WizardAnswers> ask() {
        prompts.say("Flowbase setup. Enter takes the value in brackets; Ctrl-C stops, and nothing is written"
                + " until the last question.");
        Engine engine = Engine.fromName(prompts.choose("Database engine", ENGINES, "sqlite"))
                .orElseThrow();
        WizardAnswers answers = engine.isEmbedded() ? sqlite(engine) : server(engine);
        answers = withRedis(answers);
        String environment = prompts.ask(
                "Environment (" + String.join(", ", ENVIRONMENTS) + ")", Environments.DEVELOPMENT, this::environment);
        answers = answers.withEnvironment(environment);
        boolean go = prompts.yes(
                "Write " + ConfigLoader.DEFAULT_CONFIG_FILE
                        + (answers.passwordFile() != null ? " and " + answers.passwordFile() : "")
                        + " and initialise the database",
                true);
        return go ? Optional.of(answers) : Optional.empty();
    }

    private WizardAnswers sqlite(Engine engine) {
        String file = prompts.ask("Database file", engine.defaultDatabase());
        prompts.say(
                Files.exists(Path.of(file))
                        ? "  " + file + " exists: init migrates and seeds it where needed"
                        : "  " + file + " does not exist yet: init creates it");
        return WizardAnswers.of(engine, "", 0, file, "", Secret.NONE);
    }

    /** Asks where the server is until it answers; then the user and password until the server takes them. */
    private WizardAnswers server(Engine engine) {
        String host = "127.0.0.1";
        int port = engine.defaultPort();
        String database = engine.defaultDatabase();
        String user = System.getProperty("user.name", "");
        while (true) {
            host = prompts.ask("Host", host);
            port = prompts.ask("Port", Integer.toString(port), this::port);
            database = prompts.ask("Database", database);
            while (true) {
                user = prompts.ask("User", user);
                char[] typed = prompts.secret("Password for " + user + " (not shown; Enter for none)");
                Secret password = new Secret(new String(typed));
                Arrays.fill(typed, ' ');
                WizardAnswers answers;
                try {
                    answers = WizardAnswers.of(engine, host, port, database, user, password);
                } catch (FlowbaseException e) {
                    prompts.say("  " + e.getMessage());
                    break;
                }
                SqlErrorKind failure = test(answers.database());
                if (failure == null) {
                    return password.isEmpty() ? answers : withPasswordStorage(answers);
                }
                if (failure != SqlErrorKind.AUTHENTICATION_FAILED) {
                    prompts.say("  Check the host, port and database, and answer again.");
                    break;
                }
                prompts.say("  Check the user and type the password again.");
            }
        }
    }

    /** Null when the server took the answers; else the kind of failure, already explained. */
    private SqlErrorKind test(DatabaseConfig config) {
        try {
            ConnectionCheck.Report r = ConnectionCheck.run(config);
            prompts.say("  Connected: " + r.provider() + " " + r.serverVersion() + ", database " + r.database()
                    + " exists");
            return null;
        } catch (DatabaseException e) {
            if (e.kind() == SqlErrorKind.UNKNOWN_DATABASE) {
                prompts.say("  Connected; database " + config.database() + " does not exist yet: init creates it");
                return null;
            }
            prompts.say("  Could not connect: " + e.getMessage());
            return e.kind();
        } catch (FlowbaseException e) {
            prompts.say("  Could not connect: " + e.getMessage());
            return SqlErrorKind.CONNECTION_LOST;
        }
    }

    private WizardAnswers withPasswordStorage(WizardAnswers a) {
        String where = prompts.choose("Keep the password in", List.of("file", "environment"), "file");
        if (where.equals("environment")) {
            prompts.say("  It is not written anywhere: set DB_PASSWORD for every flowbase command.");
            return a;
        }
        Path file = Path.of(prompts.ask("Password file (mode 600)", PASSWORD_FILE.toString()))
                .toAbsolutePath();
        return a.withPasswordFile(file);
    }

    private WizardAnswers withRedis(WizardAnswers a) {
        if (!prompts.yes("Use Redis for cache, rate limits and live events", false)) {
            return a;
        }
        String url = "redis://127.0.0.1:6379";
        while (true) {
            url = prompts.ask("Redis URL", url);
            try {
                RedisCheck.Report r = RedisCheck.run(url);
                prompts.say("  Redis " + r.version() + " answers at " + r.target());
                return a.withRedis(url);
            } catch (FlowbaseException e) {
                prompts.say("  " + e.getMessage() + "; answer again.");
            }
        }
    }

    private Optional<String> environment(String answer) {
        Optional<String> name = Environments.canonical(answer);
        if (name.isEmpty()) {
            prompts.say("  '" + answer + "' is not an environment: expected development (dev), testing (test)"
                    + " or production (prod)");
        }
        return name;
    }

    private Optional<Integer> port(String answer) {
        try {
            int p = Integer.parseInt(answer);
            if (p >= 1 && p <= 65535) {
                return Optional.of(p);
            }
        } catch (NumberFormatException e) {
            // said below, as for a number out of range
        }
        prompts.say("  '" + answer + "' is not a port: expected a whole number from 1 to 65535");
        return Optional.empty();
    }
}
