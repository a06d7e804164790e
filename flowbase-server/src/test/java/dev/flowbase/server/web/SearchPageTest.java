package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;

/** The admin page's search box, in a real browser: matches marked, a bad query explained, markup escaped. */
class SearchPageTest {
    @EngineTest
    void anOperatorSearchesAndSeesTheMatchMarkedAndABadQueryExplained(TestDatabase test, Database db) {
        Assumptions.assumeTrue(test.engine() != Engine.MARIADB, "the browser tests run on SQLite and PostgreSQL");
        try (PageServer app = PageServer.start(test, db);
                Browser browser = new Browser(app.base)) {
            Stores.create(db)
                    .logs()
                    .append(new LogEntry.New(
                            LogEntry.Level.ERROR,
                            "render",
                            "<b>quota</b> exceeded for tenant",
                            null,
                            app.org.id(),
                            null,
                            null,
                            null,
                            null));
            browser.open("/");
            browser.until(d -> d.getCurrentUrl().endsWith("/login"));
            browser.signIn(app.operator);

            browser.open("/search?q=" + URLEncoder.encode("quota level:error", StandardCharsets.UTF_8));
            String marked = browser.find("main table mark").getText();
            String row = browser.find("main table tbody tr").getText();
            browser.open("/search?q=" + URLEncoder.encode("quota 100%", StandardCharsets.UTF_8));
            String error = browser.find("main .error").getText();

            assertThat(marked).isEqualTo("quota");
            assertThat(row).contains("<b>quota</b> exceeded").contains("log");
            assertThat(browser.driver.findElements(By.cssSelector("main table b")))
                    .isEmpty();
            assertThat(error).contains("'100%' at position 7");
        }
    }
}
