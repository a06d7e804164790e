package dev.flowbase.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A REDIS_URL that is not one: refused at start, named with its password masked, as database URLs are. */
class RedisUrlTest {
    @Test
    void aBadUrlIsRefusedWithoutItsPassword() {
        FlowbaseException e = catchThrowableOfType(
                FlowbaseException.class,
                () -> Shared.connect(
                        Optional.of("redis://flowbase:s3cret-pass@127.0.0.1:notaport/0"), "x:", Clock.systemUTC()));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains("REDIS_URL").contains("127.0.0.1").doesNotContain("s3cret-pass");
    }
}
