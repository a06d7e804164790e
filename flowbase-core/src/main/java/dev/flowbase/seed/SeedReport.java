package dev.flowbase.seed;

import java.util.List;
import java.util.Map;

/** What one {@code seed run} did: per seed, how many rows it inserted into which table. */
public record SeedReport(String environment, List<Applied> seeds) {

    public record Applied(String name, String revision, Map<String, Integer> inserted) {
        public int total() {
            return inserted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public SeedReport {
        seeds = List.copyOf(seeds);
    }

    public int totalInserted() {
        return seeds.stream().mapToInt(Applied::total).sum();
    }
}
