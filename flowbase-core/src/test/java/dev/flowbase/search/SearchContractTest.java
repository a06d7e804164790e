package dev.flowbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.store.Actor;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.LogEntry.Level;
import dev.flowbase.store.Page;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Task;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.util.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;

/** The same searches give the same rows on every engine, each through its own full-text index. */
class SearchContractTest {

    private static List<UUID> ids(Page<SearchHit> page) {
        return page.items().stream().map(SearchHit::id).toList();
    }

    private static Page<SearchHit> newest(SearchFixture f, String q) {
        return f.search.search(f.org, q, Search.Order.NEWEST, PageRequest.first(50));
    }

    @EngineTest
    void aWordFindsEveryKindOfRowOfTheOrganizationAndNoneOfAnother(Database db) {
        var f = new SearchFixture(db);
        var workflow = f.workflow(f.org, "Invoice pipeline", "Renders and mails invoices");
        Task task = f.task(f.org, "render-invoice", "Renders the PDF of an invoice");
        var attempt = f.failedAttempt(task, "Invoice upload failed: disk full on /var/spool");
        UUID line = f.log(f.org, Level.ERROR, "Invoice 42 rendered for ACME");
        f.log(f.other, Level.ERROR, "Invoice 7 of the other organization");
        f.workflow(f.other, "Invoice elsewhere", null);

        Page<SearchHit> page = newest(f, "INVOICE");

        assertThat(ids(page)).containsExactlyInAnyOrder(workflow.id(), task.id(), attempt.id(), line);
        assertThat(page.items())
                .extracting(SearchHit::kind)
                .containsExactlyInAnyOrder(Kind.WORKFLOW, Kind.TASK, Kind.EXECUTION, Kind.LOG);
        SearchHit log = page.items().stream()
                .filter(h -> h.kind() == Kind.LOG)
                .findFirst()
                .orElseThrow();
        assertThat(log.title()).isEqualTo("render");
        assertThat(log.highlights()).isNotEmpty();
        var mark = log.highlights().get(0);
        assertThat(log.snippet().substring(mark.start(), mark.end())).isEqualTo("Invoice");
        assertThat(f.search
                        .search(f.other, "invoice", Search.Order.NEWEST, PageRequest.first())
                        .items())
                .hasSize(2);
    }

    @EngineTest
    void phrasesPrefixesAndFiltersNarrowTheSameWayOnEveryEngine(Database db) {
        var f = new SearchFixture(db);
        Task task = f.task(f.org, "upload report", "Uploads the monthly report");
        var attempt = f.failedAttempt(task, "Upload failed: disk full");
        UUID error = f.log(f.org, Level.ERROR, "disk is almost full on worker three");
        f.clock.advance(Duration.ofHours(3));
        UUID recent = f.log(f.org, Level.INFO, "disk cleaned, full backup started");

        assertThat(ids(newest(f, "\"disk full\""))).containsExactly(attempt.id());
        assertThat(ids(newest(f, "disk full"))).containsExactly(recent, error, attempt.id());
        assertThat(ids(newest(f, "uplo*"))).containsExactlyInAnyOrder(task.id(), attempt.id());
        assertThat(ids(newest(f, "level:error disk"))).containsExactly(error);
        assertThat(ids(newest(f, "disk since:1h"))).containsExactly(recent);
        assertThat(ids(newest(f, "disk until:1h"))).containsExactly(error, attempt.id());
        assertThat(ids(newest(f, "kind:task,execution upload"))).containsExactly(task.id(), attempt.id());
        assertThat(ids(newest(f, "task:" + task.id()))).containsExactly(task.id(), attempt.id());
        assertThat(ids(newest(f, "status:failed"))).containsExactly(attempt.id());
        // A word with separators is its parts in order, on every engine.
        assertThat(ids(newest(f, "disk-full"))).containsExactly(attempt.id());
    }

    @EngineTest
    void aLogLinesStructuredFieldsAndAuditEntriesAreFoundToo(Database db) {
        var f = new SearchFixture(db);
        f.stores
                .logs()
                .append(new LogEntry.New(
                        Level.WARN,
                        "llm",
                        "slow answer",
                        Json.read("{\"model\":\"orca-large\",\"tokens\":4096}"),
                        f.org,
                        null,
                        null,
                        null,
                        null));
        f.stores
                .as(Actor.system("nightly-cleaner"))
                .audit()
                .record(f.org, "workflow.archive", "workflow", "wf-1", null, Map.of());

        assertThat(newest(f, "orca").items()).extracting(SearchHit::kind).containsExactly(Kind.LOG);
        assertThat(newest(f, "archive kind:audit").items())
                .extracting(SearchHit::kind, SearchHit::title)
                .containsExactly(Tuple.tuple(Kind.AUDIT, "workflow.archive"));
        assertThat(newest(f, "nightly").items()).extracting(SearchHit::kind).containsExactly(Kind.AUDIT);
    }

    @EngineTest
    void pagesFollowEachOtherWithoutRepeatingOrSkippingARow(Database db) {
        var f = new SearchFixture(db);
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(0, f.log(f.org, Level.INFO, "heartbeat number " + i));
            written.add(0, f.task(f.org, "heartbeat task " + i, null).id());
            f.clock.advance(Duration.ofMinutes(1));
        }

        List<UUID> seen = new ArrayList<>();
        Page<SearchHit> page = f.search.search(f.org, "heartbeat", Search.Order.NEWEST, PageRequest.first(3));
        seen.addAll(ids(page));
        while (page.nextCursor() != null) {
            page = f.search.search(f.org, "heartbeat", Search.Order.NEWEST, new PageRequest(3, page.nextCursor()));
            seen.addAll(ids(page));
        }

        assertThat(seen).hasSize(10).containsExactlyInAnyOrderElementsOf(written);
        assertThat(seen.subList(0, 2)).containsExactlyInAnyOrderElementsOf(written.subList(0, 2));
    }

    @EngineTest
    void relevancePutsTheRowThatSaysItMostFirst(Database db) {
        var f = new SearchFixture(db);
        for (int i = 0; i < 6; i++) {
            f.log(f.org, Level.INFO, "unrelated line " + i + " about caching");
        }
        UUID once = f.log(f.org, Level.INFO, "timeout while calling the model, retrying soon");
        UUID thrice = f.log(f.org, Level.INFO, "timeout timeout timeout");

        var page = f.search.search(f.org, "timeout", Search.Order.RELEVANCE, PageRequest.first(10));

        assertThat(ids(page)).containsExactly(thrice, once);
        assertThat(page.items().get(0).score())
                .isGreaterThan(page.items().get(1).score());
        assertThat(page.nextCursor()).isNull();
    }

    @EngineTest
    void aQueryTheLanguageDoesNotHaveIsAClearErrorNamingTheToken(Database db) {
        var f = new SearchFixture(db);
        f.log(f.org, Level.INFO, "near the end, and not");

        for (String[] bad : new String[][] {
            {"invoice 50%", "'50%' at position 9", "'%' is not part of a word"},
            {"path\\to", "'path\\to' at position 1", "'\\' is not part of a word"},
            {"\"unclosed phrase", "'\"unclosed phrase' at position 1", "the quote is not closed"},
            {"(invoice", "'(invoice' at position 1", "'(' is not part of a word"},
            {"owner:me", "'owner:me' at position 1", "there is no filter owner:"},
            {"level:loud", "'level:loud'", "level: takes debug, info, warn, error, fatal"},
            {"since:yesterday", "'since:yesterday'", "a time ago such as 30m"},
            {"workflow:42", "'workflow:42'", "an id such as"},
            {"a*", "'a*'", "a prefix needs at least 2 letters"},
            {"x".repeat(10_240), "10240 characters", "at most 1000"},
        }) {
            var e = catchThrowableOfType(InvalidFieldException.class, () -> newest(f, bad[0]));
            assertThat(e).as(bad[0]).isNotNull();
            assertThat(e.field()).isEqualTo("q");
            assertThat(e.getMessage()).as(bad[0]).contains(bad[1]).contains(bad[2]);
        }
        // The engines' own operators are plain words here: no syntax error, no injection.
        assertThat(newest(f, "near AND not").items()).hasSize(1);
        assertThat(newest(f, "-not NEAR").items()).hasSize(1);
        assertThat(newest(f, "\"near the\" end*").items()).hasSize(1);
    }
}
