package dev.flowbase.server.http;

import java.util.function.Supplier;

/**
 * A value made when it is first asked for, once. {@code serve} answers its first request sooner
 * when what that request does not need waits: the OpenAPI document, for one, reflects over every
 * record the API reads and writes (bench/RESULTS.md, start-up).
 */
final class OnFirstUse<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    OnFirstUse(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
