package dev.flowbase.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TaskHistory;
import dev.flowbase.testing.TestDatabase;
import java.util.UUID;

/** {@code flowbase search}: a table for people, --json for scripts, a bad query exits 2 naming the token. */
class SearchCommandTest {

    @EngineTest
    void aSearchPrintsTheHitsWithTheMatchMarkedAndRefusesABadQuery(TestDatabase db) {
        assertThat(CliRun.of("init", "--url", db.url()).status()).isZero();
        UUID task;
        try (Database database = db.open()) {
            Stores stores = Stores.create(database);
            UUID org =
                    stores.organizations().findBySlug("default").orElseThrow().id();
            task = new TaskHistory(database, stores)
                    .add(NewTask.named(org, "nightly backup").describedAs("copies the invoices"))
                    .id();
        }

        CliRun table = CliRun.of("search", "backup", "--url", db.url());
        CliRun json = CliRun.of("search", "\"nightly backup\"", "kind:task", "--json", "--url", db.url());
        CliRun none = CliRun.of("search", "nothing*", "--url", db.url());
        CliRun bad = CliRun.of("search", "backup", "(nightly", "--url", db.url());

        assertThat(table.status()).as(table.err()).isZero();
        assertThat(table.out()).contains("task").contains("nightly [backup]").contains(task.toString());
        assertThat(json.out()).contains("\"id\" : \"" + task + "\"").contains("\"nextCursor\" : null");
        assertThat(none.out()).contains("No match.");
        assertThat(bad.status()).isEqualTo(ErrorCode.INVALID_ARGUMENT.exitCode());
        assertThat(bad.err()).contains("'(nightly' at position 8").contains("'(' is not part of a word");
    }
}
