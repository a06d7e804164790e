package dev.flowbase.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert is raised once and cleared once, however often its check is evaluated or flickers. */
class AlertsTest {
    private static final Check POOL_FULL = new Check("pool", Verdict.WARNING, "9 of 10 in use");
    private static final Check POOL_OK = new Check("pool", Verdict.OK, "2 of 10 in use");
    private final Alerts alerts = new Alerts(2);
    private Instant now = Instant.parse("2026-11-30T12:00:00Z");

    private List<AlertEvent> at(Check... checks) {
        now = now.plusSeconds(15);
        return alerts.update(List.of(checks), now);
    }

    @Test
    void aCheckThatStaysBadRaisesOneAlertAndTwoGoodEvaluationsClearItOnce() {
        Instant raisedAt = now.plusSeconds(15);
        var first = at(POOL_FULL);
        var again = at(POOL_FULL);
        var oneGood = at(POOL_OK);
        var twoGood = at(POOL_OK);
        var threeGood = at(POOL_OK);

        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlertEvent.State.RAISED);
            assertThat(e.alert().name()).isEqualTo("pool");
            assertThat(e.alert().since()).isEqualTo(raisedAt);
        });
        assertThat(again).isEmpty();
        assertThat(oneGood).isEmpty();
        assertThat(twoGood).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(AlertEvent.State.CLEARED);
            assertThat(e.alert().since()).isEqualTo(raisedAt);
        });
        assertThat(threeGood).isEmpty();
        assertThat(alerts.active()).isEmpty();
    }

    @Test
    void aCheckThatFlickersKeepsItsAlertInsteadOfRaisingItAgain() {
        at(POOL_FULL);
        var events = List.of(at(POOL_OK), at(POOL_FULL), at(POOL_OK), at(POOL_FULL));

        assertThat(events).allSatisfy(e -> assertThat(e).isEmpty());
        assertThat(alerts.active())
                .singleElement()
                .satisfies(a -> assertThat(a.detail()).isEqualTo("9 of 10 in use"));
    }

    @Test
    void aWarningThatTurnsIntoAFailureStaysOneAlertOfTheWorseSeverity() {
        at(POOL_FULL);
        var worse = at(new Check("pool", Verdict.FAILING, "exhausted"));

        assertThat(worse).isEmpty();
        assertThat(alerts.active()).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Verdict.FAILING);
            assertThat(a.detail()).isEqualTo("exhausted");
        });
    }
}
