package dev.flowbase.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.flowbase.db.Database;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The contract base fails a test that leaves a connection checked out, on every engine. */
class LeakCheckTest {

    /** Run only through the test kit below, never on its own. */
    static class LeakingTests {
        @EngineTest
        void leaksOneConnection(Database db) throws Exception {
            Connection leaked = db.connection();
            assertThat(leaked.isValid(1)).isTrue();
        }

        @EngineTest
        void closesItsConnection(Database db) throws Exception {
            try (Connection c = db.connection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aLeakedConnectionFailsTheTestAndAClosedOneDoesNot() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeakingTests.class))
                .execute()
                .testEvents();

        int engines = TestEngines.selected().size();
        assertThat(tests.failed().count()).isEqualTo(engines);
        assertThat(tests.succeeded().count()).isEqualTo(engines);
        tests.failed().stream()
                .forEach(e -> assertThat(e.getTestDescriptor().getUniqueId().toString())
                        .contains("leaksOneConnection"));
    }
}
