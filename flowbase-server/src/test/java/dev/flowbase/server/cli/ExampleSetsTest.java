package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The users' own schemas in examples/ apply, validate and roll back beside Flowbase's own. */
class ExampleSetsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static CliRun migrate(TestDatabase db, String set, String table, String... args) {
        var all = new ArrayList<>(List.of("migrate"));
        all.addAll(List.of(args));
        all.addAll(
                List.of("--url", db.url(), "--location", EXAMPLES.resolve(set).toString(), "--table", table));
        return CliRun.of(all.toArray(String[]::new));
    }

    @EngineTest
    void devxPlatformAndMarketplaceApplyValidateAndRollBackNextToTheCoreSchema(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();

        for (String[] set :
                new String[][] {{"devx-platform", "devx_schema_history"}, {"marketplace", "marketplace_schema_history"}
                }) {
            CliRun up = migrate(db, set[0], set[1], "up");
            CliRun validate = migrate(db, set[0], set[1], "validate");
            CliRun rollback = migrate(db, set[0], set[1], "rollback", "--to", "0");

            assertThat(up.status()).as(set[0] + ": " + up.err()).isZero();
            assertThat(validate.status()).as(set[0] + ": " + validate.all()).isZero();
            assertThat(rollback.status()).as(set[0] + ": " + rollback.err()).isZero();
        }
        CliRun core = CliRun.of("migrate", "validate", "--url", db.url());
        assertThat(core.status())
                .as("Flowbase's own history is untouched: " + core.all())
                .isZero();
    }
}
