package io.incore.websocket.boot.metrics;

import java.util.Set;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.stomp.StompMessageReceivedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.simp.stomp.StompHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StompMessageMetrics}: the destination is a tag only for the clients that ask for it.
 */
class StompMessageMetricsTests {

	@Test
	void theDestinationIsATagOnlyWhereAskedFor() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		StompMessageMetrics metrics = new StompMessageMetrics(registry, Set.of("detailed"));
		WebSocket socket = new WebSocket(null);
		try {
			for (String destination : new String[] { "/topic/a", "/topic/b", "/topic/a" }) {
				metrics.count(new StompMessageReceivedEvent("plain", socket, destination, new StompHeaders(), new byte[0]));
				metrics.count(new StompMessageReceivedEvent("detailed", socket, destination, new StompHeaders(),
						new byte[0]));
			}
		}
		finally {
			socket.close();
		}
		assertThat(registry.find("incore.websocket.stomp.messages.received").tag("client", "plain").counters())
			.singleElement()
			.satisfies((counter) -> {
				assertThat(counter.getId().getTag("destination")).isNull();
				assertThat(counter.count()).isEqualTo(3);
			});
		assertThat(registry.get("incore.websocket.stomp.messages.received").tag("client", "detailed")
			.tag("destination", "/topic/a").counter().count()).isEqualTo(2);
		assertThat(registry.find("incore.websocket.stomp.messages.received").tag("client", "detailed").counters())
			.hasSize(2);
	}

}
