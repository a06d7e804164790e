package dev.flowbase.config;

import java.time.Duration;
import java.util.Optional;

/**
 * When the server raises alerts and where it sends them.
 *
 * @param poolUsePercent pool use above which the pool alert is raised
 * @param diskUsePercent disk use (an embedded database's disk) above which the disk alert is raised
 * @param deadLetters how many dead tasks raise the queue alert
 * @param queueLag how long the oldest ready task may wait before the lag alert is raised
 * @param interval how often a server evaluates the checks
 * @param webhookUrl where raised and cleared alerts are posted as JSON (a secret: it may hold a token)
 */
public record AlertSettings(
        int poolUsePercent,
        int diskUsePercent,
        int deadLetters,
        Duration queueLag,
        Duration interval,
        Optional<String> webhookUrl) {
    @Override
    public String toString() {
        return "AlertSettings[pool " + poolUsePercent + "%, disk " + diskUsePercent + "%, dead letters " + deadLetters
                + ", lag " + queueLag + ", every " + interval + ", webhook "
                + (webhookUrl.isPresent() ? "****" : "none")
                + "]";
    }
}
