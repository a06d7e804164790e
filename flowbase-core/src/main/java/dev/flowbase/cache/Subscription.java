package dev.flowbase.cache;

/** A listener's place on a bus; closing it stops the deliveries. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
