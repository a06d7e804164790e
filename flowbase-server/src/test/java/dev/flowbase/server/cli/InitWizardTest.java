package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowbase.engine.Engine;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.testing.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowbase init} with no flags on a real terminal (tmux): the wizard, as a person answers it. */
class InitWizardTest {

    @EngineTest
    void theAnswersAreTestedWrittenToFlowbaseYmlAndTheDatabaseIsInitialised(TestDatabase db, @TempDir Path dir)
            throws Exception {
        try (Tmux terminal = Tmux.flowbase(dir, "init")) {
            terminal.await("Database engine");
            terminal.type(db.engine().id());
            if (db.engine().isEmbedded()) {
                terminal.await("Database file");
                terminal.type(db.url().substring("sqlite:".length()));
            } else {
                answerServer(terminal, db.name(), "root");
                terminal.await("Password for root");
                terminal.type(""); // the local test servers let root in without one
                terminal.await("Connected");
            }
            terminal.await("Use Redis");
            terminal.type("no");
            terminal.await("Environment");
            terminal.type("");
            terminal.await("initialise the database");
            terminal.type("yes");
            String screen = terminal.await("sign in at http://127.0.0.1:8080/login");

            assertThat(terminal.exitStatus()).as(screen).isZero();
            assertThat(screen).contains("Admin API key: fb_").contains("Flowbase is ready");
        }
        String yaml = Files.readString(dir.resolve("flowbase.yml"));
        assertThat(yaml).contains("engine: " + db.engine().id()).doesNotContain("password");
        // Every later command reads what the wizard wrote.
        CliRun validate = CliRun.of(
                "schema", "validate", "--config", dir.resolve("flowbase.yml").toString());
        assertThat(validate.status()).as(validate.all()).isZero();
    }

    @Test
    void aWrongPasswordIsAskedAgainAndTheRightOneGoesOnlyToAFileOnlyItsOwnerReads(@TempDir Path dir) throws Exception {
        // The local PostgreSQL trusts every password; MariaDB checks them, for a user made here.
        assumeTrue(TestEngines.selected().contains(Engine.MARIADB));
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB)) {
            String user = "wiz_" + db.name().substring(4, 12);
            TestDatabase.admin(Engine.MARIADB, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-pw-7'");
            // All databases: init's schema check replays the migrations in a scratch database of its own.
            TestDatabase.admin(Engine.MARIADB, "GRANT ALL ON *.* TO '" + user + "'@'%'");
            String screen;
            try (Tmux terminal = Tmux.flowbase(dir, "init")) {
                terminal.await("Database engine");
                terminal.type("mariadb");
                answerServer(terminal, db.name(), user);
                terminal.await("Password for " + user);
                terminal.type("wrong-pw-3");
                terminal.await("Check the user and type the password again.");
                terminal.await("User [" + user + "]");
                terminal.type("");
                terminal.await("Password for " + user, 2);
                terminal.type("right-pw-7");
                terminal.await("Connected");
                terminal.await("Keep the password in");
                terminal.type("");
                terminal.await("Password file");
                terminal.type("");
                terminal.await("Use Redis");
                terminal.type("");
                terminal.await("Environment");
                terminal.type("test");
                terminal.await("initialise the database");
                terminal.type("");
                terminal.await("Flowbase is ready");
                assertThat(terminal.exitStatus()).isZero();
                screen = terminal.screen();
            } finally {
                TestDatabase.admin(Engine.MARIADB, "DROP USER IF EXISTS '" + user + "'@'%'");
            }

            Path passwordFile = dir.resolve(".flowbase-db-password");
            assertThat(screen).doesNotContain("right-pw-7").doesNotContain("wrong-pw-3");
            assertThat(Files.readString(passwordFile)).isEqualTo("right-pw-7\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("flowbase.yml")))
                    .contains("password_file: \"" + passwordFile + "\"")
                    .contains("environment: \"testing\"")
                    .doesNotContain("right-pw-7");
        }
    }

    @Test
    void ctrlCHalfwayStopsTheWizardAndWritesNothing(@TempDir Path dir) throws Exception {
        try (Tmux terminal = Tmux.flowbase(dir, "init")) {
            terminal.await("Database engine");
            terminal.type("sqlite");
            terminal.await("Database file");
            terminal.type("");
            terminal.await("Use Redis");
            terminal.ctrlC();

            assertThat(terminal.exitStatus()).isEqualTo(130); // 128 + SIGINT
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withYesOnATerminalInitAsksNothingAndUsesTheDefaultsAsBefore(@TempDir Path dir) throws Exception {
        try (Tmux terminal = Tmux.flowbase(dir, "init", "--yes")) {
            String screen = terminal.await("Flowbase is ready: sqlite:./data/flowbase.db");

            assertThat(terminal.exitStatus()).isZero();
            assertThat(screen).doesNotContain("Database engine");
        }
        assertThat(dir.resolve("flowbase.yml")).doesNotExist();
    }

    private static void answerServer(Tmux terminal, String database, String user) {
        terminal.await("Host");
        terminal.type("");
        terminal.await("Port");
        terminal.type("");
        terminal.await("Database [");
        terminal.type(database);
        terminal.await("User");
        terminal.type(user);
    }
}
