package dev.flowbase.util;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of milliseconds, a 12-bit sequence, then random bits. New
 * rows land at the end of the primary-key index instead of at random pages, which keeps bulk
 * inserts fast on PostgreSQL and InnoDB; ids stay unguessable. Ids made in the same millisecond
 * by this process still sort in the order they were made (the sequence counts up, method 1 of the RFC).
 */
public final class Uuids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static int sequence;

    private Uuids() {}

    public static UUID v7(Instant at) {
        long ms;
        int seq;
        synchronized (Uuids.class) {
            ms = Math.max(at.toEpochMilli(), lastMillis);
            if (ms == lastMillis) {
                sequence++;
                if (sequence > 0xfff) {
                    ms++;
                    sequence = RANDOM.nextInt(0x400);
                }
            } else {
                // Start low, leaving room to count up within the millisecond.
                sequence = RANDOM.nextInt(0x400);
            }
            lastMillis = ms;
            seq = sequence;
        }
        long high = (ms << 16) | 0x7000L | seq;
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
