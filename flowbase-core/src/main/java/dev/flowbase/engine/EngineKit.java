package dev.flowbase.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one entry point of an engine: it hands out the engine's parts, each an implementation of an
 * interface that the layer needing it declares ({@code Dialect}, {@code EngineSupport},
 * {@code SqlSplitter}, {@code CatalogQueries}, {@code ScratchSpaces}). Kits live one folder per
 * engine ({@code dev.flowbase.engines.postgresql}, …) above the layers they serve, and are found
 * with {@link ServiceLoader}, so no layer names an engine's classes and none asks "is this
 * PostgreSQL?". docs/architecture.md says how to add an engine.
 */
public interface EngineKit {

    Engine engine();

    /**
     * This engine's implementation of {@code part}.
     *
     * @throws IllegalStateException when the kit has no such part: a kit that is incomplete
     */
    <T> T part(Class<T> part);

    /** The kit of {@code engine}. */
    static EngineKit of(Engine engine) {
        EngineKit kit = Loaded.KITS.get(engine);
        if (kit == null) {
            throw new IllegalStateException(
                    "No engine kit for " + engine + " is registered in META-INF/services/" + EngineKit.class.getName());
        }
        return kit;
    }

    /** Loaded once, on first use. */
    final class Loaded {
        static final Map<Engine, EngineKit> KITS = load();

        private Loaded() {}

        private static Map<Engine, EngineKit> load() {
            Map<Engine, EngineKit> kits = new EnumMap<>(Engine.class);
            for (EngineKit kit : ServiceLoader.load(EngineKit.class, EngineKit.class.getClassLoader())) {
                kits.put(kit.engine(), kit);
            }
            return kits;
        }
    }
}
