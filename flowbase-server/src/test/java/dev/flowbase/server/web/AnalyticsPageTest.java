package dev.flowbase.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import dev.flowbase.store.ExecutionStatus;
import dev.flowbase.store.NewTask;
import dev.flowbase.store.Stores;
import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TaskHistory;
import dev.flowbase.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;

/** The analytics page in a real browser: the charts are drawn, the same figures are in tables. */
class AnalyticsPageTest {
    @EngineTest
    void aViewerSeesTheFailureRateChartAndTables(TestDatabase test, Database db) {
        Assumptions.assumeTrue(test.engine() != Engine.MARIADB, "the browser tests run on SQLite and PostgreSQL");
        try (PageServer app = PageServer.start(test, db);
                Browser browser = new Browser(app.base)) {
            Stores stores = Stores.create(db);
            var task = new TaskHistory(db, stores)
                    .add(NewTask.named(app.org.id(), "ask").inQueue("llm").ofType("chat"));
            new TaskHistory(db, stores).attempt(task, 1, Duration.ZERO, ExecutionStatus.FAILED, "overloaded");
            browser.open("/");
            browser.until(d -> d.getCurrentUrl().endsWith("/login"));
            browser.signIn(app.viewer);

            browser.open("/analytics?since=1h&bucket=minute");
            String tables = browser.find("main").getText();
            Object drawn = browser.until(d -> ((JavascriptExecutor) d)
                    .executeScript("return window.Chart && Chart.getChart('failure-chart') ? true : null"));
            browser.open("/analytics?bucket=week");
            String error = browser.find("main .error").getText();

            assertThat(drawn).isEqualTo(true);
            assertThat(tables)
                    .contains("llm")
                    .contains("100.0%")
                    .contains("chat")
                    .contains("overloaded");
            assertThat(error).contains("bucket='week'");
        }
    }
}
