package dev.flowbase.testing;

import dev.flowbase.engine.Engine;
import java.util.Arrays;
import java.util.List;

/** The engines this run tests, from {@code -Dflowbase.test.engines=sqlite,postgresql,mariadb}. */
public final class TestEngines {
    public static final String PROPERTY = "flowbase.test.engines";

    private TestEngines() {}

    public static List<Engine> selected() {
        String value = System.getProperty(PROPERTY, "sqlite,postgresql,mariadb");
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(name -> Engine.fromName(name)
                        .orElseThrow(() -> new IllegalArgumentException(PROPERTY + ": unknown engine " + name)))
                .distinct()
                .toList();
    }
}
