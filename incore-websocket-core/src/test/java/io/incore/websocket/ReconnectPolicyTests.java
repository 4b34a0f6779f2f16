package io.incore.websocket;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The backoff arithmetic of {@link ReconnectPolicy}: a pure unit.
 */
class ReconnectPolicyTests {

	private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), 2.0, Duration.ofMillis(1000),
			0.25, 5, Duration.ofSeconds(10));

	@Test
	void delayGrowsByTheMultiplierUpToTheMaximum() {
		assertThat(this.policy.delayBefore(1, () -> 0.5)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.policy.delayBefore(2, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.policy.delayBefore(4, () -> 0.5)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.policy.delayBefore(5, () -> 0.5)).isEqualTo(Duration.ofMillis(1000));
		assertThat(this.policy.delayBefore(60, () -> 0.5)).isEqualTo(Duration.ofMillis(1000));
	}

	@Test
	void jitterSpreadsTheDelayWithinItsBound() {
		assertThat(this.policy.delayBefore(2, () -> 0.0)).isEqualTo(Duration.ofMillis(150));
		assertThat(this.policy.delayBefore(2, () -> 0.999999)).isBetween(Duration.ofMillis(249),
				Duration.ofMillis(250));
	}

	@Test
	void maxAttemptsLimitsTheAttemptsAndZeroMeansNoLimit() {
		assertThat(this.policy.allows(5)).isTrue();
		assertThat(this.policy.allows(6)).isFalse();
		assertThat(ReconnectPolicy.DEFAULT.allows(Integer.MAX_VALUE)).isTrue();
	}

	@Test
	void anInvalidSettingNamesItsComponentWhatIsWrongAndWhatToGive() {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), 2, Duration.ofSeconds(2), 1.5, 0,
					Duration.ofSeconds(1)))
			.satisfies((ex) -> {
				assertThat(ex.getOption()).isEqualTo("jitter");
				assertThat(ex.getValue()).isEqualTo(1.5);
				assertThat(ex.getProblem()).isEqualTo("the jitter is a fraction of the delay");
				assertThat(ex.getFix()).isEqualTo("a value from 0 to 1, e.g. 0.2");
			});
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> new Heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
			.satisfies((ex) -> assertThat(ex.getOption()).isEqualTo("maxMissed"));
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> WebSocketOptions.builder().closeTimeout(Duration.ofSeconds(-1)).build())
			.satisfies((ex) -> assertThat(ex.getOption()).isEqualTo("closeTimeout"));
	}

	@Test
	void rejectsInvalidSettingsWithTheirName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), 0, 0,
					Duration.ofSeconds(1)))
			.withMessageContaining("multiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(5), 2, Duration.ofSeconds(2), 0, 0,
					Duration.ofSeconds(1)))
			.withMessageContaining("maxDelay");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectPolicy(Duration.ZERO, 2, Duration.ofSeconds(2), 0, 0,
					Duration.ofSeconds(1)))
			.withMessageContaining("initialDelay");
	}

}
