package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** System metrics: samples appended, read back by name and time range. */
public final class MetricStore {
    private final Tx tx;
    private final String insert;

    MetricStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(
                tx,
                "system_metrics",
                "id",
                "component_id",
                "name",
                "metric_type",
                "value",
                "unit",
                "labels",
                "recorded_at");
    }

    public MetricSample record(
            UUID componentId, String name, MetricSample.Type type, double value, String unit, JsonNode labels) {
        Checks.notBlank("name", name);
        Checks.required("type", type);
        if (!Double.isFinite(value)) {
            throw Checks.invalid("value", String.valueOf(value), "a finite number");
        }
        return tx.write("Recording metric " + name, h -> {
            Instant now = tx.now();
            var sample = new MetricSample(
                    tx.newId(now),
                    componentId,
                    name,
                    type,
                    value,
                    unit,
                    Checks.orDefault(labels, Json.emptyObject()),
                    now);
            h.createUpdate(insert).bindMethods(sample).execute();
            return sample;
        });
    }

    /** Samples of {@code name} recorded in {@code [from, to)}, oldest first, at most {@code limit}. */
    public List<MetricSample> query(String name, Instant from, Instant to, int limit) {
        return tx.read(
                "Reading metric " + name,
                h -> h.createQuery(
                                "SELECT * FROM system_metrics WHERE name = :name"
                                        + " AND recorded_at >= :from AND recorded_at < :to ORDER BY recorded_at, id LIMIT :limit")
                        .bind("name", name)
                        .bindByType("from", from, Instant.class)
                        .bindByType("to", to, Instant.class)
                        .bind("limit", limit)
                        .map(tx.rows(MetricSample.class))
                        .list());
    }
}
