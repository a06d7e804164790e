package dev.flowbase.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The contract in one process: what a server without {@code REDIS_URL} has. */
class LocalSharedTest extends SharedContract {
    @Override
    Shared open() {
        return Shared.local(Clock.systemUTC());
    }

    @Test
    void itSaysItIsInProcess() {
        assertThat(shared.state().mode()).isEqualTo("in-process");
        assertThat(shared.state().degraded()).isFalse();
    }
}
