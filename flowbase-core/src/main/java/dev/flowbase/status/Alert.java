package dev.flowbase.status;

import java.time.Instant;

/** A check that is not OK, held as an alert since {@code since}: what {@link Alerts} reports. */
public record Alert(String name, Verdict severity, String detail, Instant since) {}
