package io.incore.websocket.internal.transport;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code Retry-After} reading of {@link UpgradeRefusedException}.
 */
class UpgradeRefusedExceptionTests {

	private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	@Test
	void readsSecondsAndHttpDates() {
		assertThat(UpgradeRefusedException.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
		assertThat(UpgradeRefusedException.retryAfter(" 7 ", NOW)).isEqualTo(Duration.ofSeconds(7));
		assertThat(UpgradeRefusedException.retryAfter("Mon, 30 Nov 2026 10:00:30 GMT", NOW))
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aDateInThePastIsNoDelayAndAnUnreadableValueIsNone() {
		assertThat(UpgradeRefusedException.retryAfter("Mon, 30 Nov 2026 09:00:00 GMT", NOW)).isZero();
		assertThat(UpgradeRefusedException.retryAfter("soon", NOW)).isNull();
		assertThat(UpgradeRefusedException.retryAfter(null, NOW)).isNull();
	}

}
