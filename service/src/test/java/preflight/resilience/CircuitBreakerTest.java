package preflight.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, 1000, now::get);

    @Test
    void opensAfterTheThresholdAndLetsOneTrialThroughAfterTheRest() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allow()).isTrue();
        breaker.failed();
        assertThat(breaker.allow()).isFalse();

        now.addAndGet(1_000_000_000L);
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).isFalse(); // only one trial at a time

        breaker.succeeded();
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedTrialReopens() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        now.addAndGet(1_000_000_000L);
        assertThat(breaker.allow()).isTrue();
        breaker.failed();

        assertThat(breaker.allow()).isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
