package dev.flowbase.testing;

import dev.flowbase.db.Database;
import dev.flowbase.engine.Engine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** One invocation of an {@link EngineTest} per engine, with a fresh database and a leak check. */
final class EngineInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return TestEngines.selected().stream().map(Invocation::new);
    }

    private record Invocation(Engine engine) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + engine.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new PerTestDatabase(engine));
        }
    }

    private static final class PerTestDatabase implements ParameterResolver, AfterEachCallback {
        private final Engine engine;
        private TestDatabase database;

        PerTestDatabase(Engine engine) {
            this.engine = engine;
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            Class<?> type = p.getParameter().getType();
            return type == Engine.class || type == TestDatabase.class || type == Database.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            Class<?> type = p.getParameter().getType();
            if (type == Engine.class) {
                return engine;
            }
            if (database == null) {
                database = TestDatabase.create(engine);
            }
            return type == Database.class ? database.open() : database;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (database == null) {
                return;
            }
            try {
                if (context.getExecutionException().isEmpty()) {
                    database.assertNoConnectionInUse();
                }
            } finally {
                database.close();
            }
        }
    }
}
