package dev.flowbase.engine;

import java.util.HashMap;
import java.util.Map;

/** The parts of one kit, by the interface each implements. */
public final class Parts {
    private final Engine engine;
    private final Map<Class<?>, Object> parts = new HashMap<>();

    public Parts(Engine engine) {
        this.engine = engine;
    }

    public <T> Parts with(Class<T> part, T implementation) {
        parts.put(part, implementation);
        return this;
    }

    public <T> T get(Class<T> part) {
        Object implementation = parts.get(part);
        if (implementation == null) {
            throw new IllegalStateException(
                    "The " + engine + " engine kit has no " + part.getSimpleName() + ": add it to the kit");
        }
        return part.cast(implementation);
    }
}
