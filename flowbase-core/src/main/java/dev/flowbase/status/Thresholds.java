package dev.flowbase.status;

import dev.flowbase.config.AlertSettings;
import java.time.Duration;

/**
 * When a part deserves a look: seed 004's defaults are pool use over 80% and disk use over 90%;
 * Flowbase adds dead letters (any) and a ready task waiting longer than five minutes.
 *
 * @param deadLetters how many dead tasks, over all queues, raise the queue alert (1: any)
 * @param queueLag how long the oldest ready task may wait before the lag alert is raised
 */
public record Thresholds(int poolUsePercent, int diskUsePercent, int deadLetters, Duration queueLag) {
    public static final Thresholds DEFAULTS = new Thresholds(80, 90, 1, Duration.ofMinutes(5));

    /** The thresholds the configuration sets. */
    public static Thresholds of(AlertSettings a) {
        return new Thresholds(a.poolUsePercent(), a.diskUsePercent(), a.deadLetters(), a.queueLag());
    }
}
