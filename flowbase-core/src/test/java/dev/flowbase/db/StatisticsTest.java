package dev.flowbase.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flowbase.testing.EngineTest;
import dev.flowbase.testing.TestDatabase;

/** The engine's own catalogs give real figures for a table just written and analyzed. */
class StatisticsTest {

    @EngineTest
    void aTableWrittenAndAnalyzedShowsItsRowsSizeAndIndex(TestDatabase test, Database db) {
        db.withHandle("Writing readings", h -> {
            h.execute("CREATE TABLE readings (id INTEGER NOT NULL PRIMARY KEY, sensor VARCHAR(40) NOT NULL)");
            h.execute("CREATE INDEX idx_readings_sensor ON readings (sensor)");
            var batch = h.prepareBatch("INSERT INTO readings (id, sensor) VALUES (:id, :sensor)");
            for (int i = 1; i <= 500; i++) {
                batch.bind("id", i).bind("sensor", "sensor-" + (i % 7)).add();
            }
            return batch.execute();
        });
        db.analyze("readings");

        DatabaseStatistics stats = db.statistics();

        DatabaseStatistics.Table readings = stats.table("readings").orElseThrow();
        assertThat(readings.rowEstimate().doubleValue()).isCloseTo(500, within(100.0));
        assertThat(readings.tableBytes()).isPositive();
        assertThat(readings.indexBytes()).isPositive();
        assertThat(stats.indexes()).anySatisfy(i -> {
            assertThat(i.table()).isEqualToIgnoringCase("readings");
            assertThat(i.name()).isEqualToIgnoringCase("idx_readings_sensor");
            assertThat(i.bytes()).isPositive();
        });
        if (test.engine().isEmbedded()) {
            assertThat(stats.engineFigures().get("page_count")).isPositive();
            assertThat(stats.engineFigures()).containsKeys("freelist_count", "wal_bytes");
            assertThat(stats.cacheHitRatio()).isNull();
        } else {
            assertThat(stats.cacheHitRatio()).isBetween(0.0, 1.0);
            assertThat(stats.activeSessions()).isNotNegative();
        }
    }
}
