package dev.flowbase.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A sample of a time series. */
public record MetricSample(
        UUID id,
        UUID componentId,
        String name,
        Type metricType,
        double value,
        String unit,
        JsonNode labels,
        Instant recordedAt) {

    public enum Type {
        GAUGE,
        COUNTER,
        HISTOGRAM,
        SUMMARY
    }
}
