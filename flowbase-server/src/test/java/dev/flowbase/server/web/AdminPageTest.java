package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.queue.Queue;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import dev.flowbase.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The admin page in a real browser (Debian's Chromium), on SQLite and PostgreSQL: sign in, read the
 * dashboard as it updates, test the connection, apply and roll back a migration, requeue a dead
 * letter, follow a log line arriving, and a viewer who is offered nothing it may not do.
 */
class AdminPageTest {
    private static String engine(TestDatabase test) {
        Assumptions.assumeTrue(test.engine() != Engine.MARIADB, "the browser tests run on SQLite and PostgreSQL");
        return test.engine().name().toLowerCase(Locale.ROOT);
    }

    @EngineTest
    void anAdminSignsInReadsTheLiveDashboardTestsTheConnectionAndVisitsEveryPage(TestDatabase test, Database db) {
        String engine = engine(test);
        try (PageServer app = PageServer.start(test, db);
                Browser browser = new Browser(app.base)) {
            browser.open("/");
            browser.until(d -> d.getCurrentUrl().endsWith("/login"));
            browser.screenshot(engine + "-login");
            browser.signIn(app.admin);

            WebElement live = browser.find("[data-live]");
            String engineShown = browser.find("#engine").getText();
            String first = browser.until(d -> live.getDomAttribute("data-updated"));
            String later = browser.until(d -> {
                String now = live.getDomAttribute("data-updated");
                return now != null && !now.equals(first) ? now : null;
            });
            browser.screenshot(engine + "-dashboard");

            assertThat(engineShown).startsWith(engine);
            assertThat(browser.find("#checks-h ~ .scroll").getText())
                    .contains("database")
                    .contains("migrations");
            assertThat(later).isNotEqualTo(first);
            assertThat(browser.driver.findElements(By.cssSelector("#depth-chart, #throughput-chart")))
                    .hasSize(2);

            browser.open("/connection");
            browser.find("#test-connection").click();
            String result = browser.until(d -> {
                String text = d.findElement(By.id("connection-result")).getText();
                return text.isBlank() ? null : text;
            });
            browser.screenshot(engine + "-connection");
            assertThat(result).startsWith("Connected: ").containsIgnoringCase(engine);
            assertThat(browser.find("main").getText()).doesNotContain(app.admin);

            for (String page : List.of("migrations", "queue", "workflows", "roles", "logs", "settings")) {
                browser.open("/" + page);
                assertThat(browser.find("h1").getText()).isNotBlank();
                browser.screenshot(engine + "-" + page);
            }
            browser.open("/settings");
            browser.find("#debug-enabled").click();
            browser.find("#debug-save").click();
            String debug = browser.until(d -> {
                String text = d.findElement(By.id("debug-result")).getText();
                return text.isBlank() ? null : text;
            });
            assertThat(debug).isEqualTo("Debug mode is on.");
            assertThat(db.queryTimings().debug()).isTrue();
            db.queryTimings().debug(false);

            browser.open("/workflows");
            browser.find("main table a").click();
            assertThat(browser.find("svg.dag").findElements(By.cssSelector("g.node")))
                    .hasSizeGreaterThanOrEqualTo(3);
            browser.screenshot(engine + "-workflow");
            browser.open("/roles");
            browser.find("main table a").click();
            assertThat(browser.find(".side-by-side").getText()).contains("Version 1");
            browser.screenshot(engine + "-role");
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.open("/");
            browser.find("#engine");
            browser.screenshot(engine + "-phone-dashboard");
        }
    }

    @EngineTest
    void anAdminPreviewsAppliesAndRollsBackAPendingMigration(TestDatabase test, Database db) {
        String engine = engine(test);
        try (PageServer app = PageServer.at(test, db, "1");
                Browser browser = new Browser(app.base)) {
            browser.signIn(app.admin);
            browser.open("/migrations");
            String preview = browser.find("details.sql").getText();
            browser.screenshot(engine + "-migrations-pending");
            browser.find("#apply").click();
            browser.until(d -> d.findElements(By.id("nothing-pending")).isEmpty() ? null : true);

            browser.find("#rollback-to option[value='1']").click();
            browser.find("#rollback").click();
            String question = browser.until(d -> {
                WebElement dialog = d.findElement(By.id("confirm"));
                return dialog.isDisplayed()
                        ? d.findElement(By.id("confirm-text")).getText()
                        : null;
            });
            browser.screenshot(engine + "-migrations-rollback-confirm");
            browser.find("#confirm-ok").click();
            String previewAgain = browser.until(d -> {
                var pending = d.findElements(By.cssSelector("details.sql"));
                return pending.isEmpty() ? null : pending.get(0).getText();
            });

            assertThat(preview).startsWith("2 · task queue").containsIgnoringCase("CREATE TABLE");
            assertThat(question).contains("Roll back to version 1").contains("2 (task queue)");
            assertThat(previewAgain).startsWith("2 · task queue");
        }
    }

    @EngineTest
    void anOperatorRequeuesADeadLetterAndFollowsALogLineArrivingLive(TestDatabase test, Database db) {
        String engine = engine(test);
        try (PageServer app = PageServer.start(test, db);
                Browser browser = new Browser(app.base)) {
            Stores stores = Stores.create(db);
            Queue queue = Queue.create(db).withStores(stores);
            var task = queue.enqueue(NewTask.named(app.org.id(), "summarise report")
                    .inQueue("llm")
                    .withMaxRetries(0));
            var lease = queue.claim("llm", 1, "worker-1", Duration.ofMinutes(1)).get(0);
            queue.fail(lease, "model timed out");

            browser.signIn(app.operator);
            browser.open("/queue");
            WebElement row = browser.find("tr[data-task='" + task.id() + "']");
            assertThat(row.getText()).contains("summarise report").contains("model timed out");
            browser.screenshot(engine + "-queue-dead-letter");
            row.findElement(By.cssSelector("button[aria-label='Requeue summarise report']"))
                    .click();
            browser.until(d -> d.findElements(By.cssSelector("tr[data-task='" + task.id() + "']"))
                            .isEmpty()
                    ? true
                    : null);
            assertThat(stores.tasks().get(task.id()).status().name()).isEqualTo("READY");

            // A task enqueued through the API shows in the page's live list, from GET /api/events.
            String added = enqueue(app, "llm");
            browser.until(d -> d.findElements(By.cssSelector("#task-events li[data-task='" + added + "']"))
                            .isEmpty()
                    ? null
                    : true);

            browser.open("/logs");
            browser.find("#follow").click();
            String marker = "a line written while the page watches " + System.nanoTime();
            browser.until(d -> {
                // The tail starts from the moment it was opened; write until the page has joined it.
                // A line of the operator's organization: Flowbase's own lines go to installation admins only.
                stores.logs()
                        .append(new LogEntry.New(
                                LogEntry.Level.INFO,
                                "test.component",
                                marker,
                                null,
                                app.org.id(),
                                null,
                                null,
                                null,
                                null));
                return d.findElements(By.cssSelector("#log-lines tr.new")).isEmpty() ? null : true;
            });
            String arrived = browser.find("#log-lines tr.new").getText();
            browser.screenshot(engine + "-logs-live");
            assertThat(arrived).contains(marker).contains("test.component");
        }
    }

    @EngineTest
    void aViewerIsOfferedNoMigrationButtonsAndTheApiRefusesTheChangeFromThePageToo(TestDatabase test, Database db) {
        String engine = engine(test);
        try (PageServer app = PageServer.start(test, db);
                Browser browser = new Browser(app.base)) {
            browser.signIn(app.viewer);
            browser.open("/migrations");
            browser.find("#admin-only");
            browser.screenshot(engine + "-migrations-viewer");
            Object status = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/migrations/apply', {method: 'POST', headers: {'X-CSRF-Token':"
                    + " document.querySelector('meta[name=csrf-token]').content}}).then(r => done(r.status));");
            Object withoutToken = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/tasks', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                    + " body: '{\"name\":\"x\"}'}).then(r => done(r.status));");

            assertThat(browser.driver.findElements(By.cssSelector("#apply, #rollback, #repair")))
                    .isEmpty();
            assertThat(status).isEqualTo(403L);
            assertThat(withoutToken).isEqualTo(403L);
        }
    }

    @EngineTest
    void aOneTimeSignInLinkOpensTheDashboardOnce(TestDatabase test, Database db) {
        String engine = engine(test);
        try (PageServer app = PageServer.start(test, db);
                Browser browser = new Browser(app.base)) {
            String link = app.server.signInLink(app.admin).orElseThrow();
            browser.open(link);
            browser.find("#engine");
            browser.driver.manage().deleteAllCookies();
            browser.open(link);

            assertThat(browser.find("#login-error").getText()).contains("used already");
            assertThat(engine).isNotBlank();
        }
    }

    /** Enqueues a task through the server's API, as a client would; returns its id. */
    private static String enqueue(PageServer app, String queue) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.base + "/api/tasks"))
                                    .header("Authorization", "Bearer " + app.operator)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"name\":\"live one\",\"queue\":\"" + queue + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
            return Json.read(r.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
