package io.incore.websocket.boot.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.AbstractSignal;
import io.incore.websocket.WebSocket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link WebSocketEventPublisher}.
 */
class WebSocketEventPublisherTests {

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final WebSocketEventPublisher publisher = new WebSocketEventPublisher(this.published::add);

	@Test
	void everySignalOfAWebSocketHasAnEventType() {
		WebSocket socket = new WebSocket(null);
		assertThat(socket.signals()).extracting(AbstractSignal::name)
			.hasSize(36)
			.allMatch(WebSocketEventPublisher::covers);
		this.publisher.publish("feed", socket);
		assertThat(socket.signals()).allMatch((signal) -> signal.listenerCount() == 1);
	}

	@Test
	void eventsCarryTheClientNameTheWebSocketAndTheArguments() {
		WebSocket socket = new WebSocket(null);
		this.publisher.publish("feed", socket);
		socket.setUrl("ws://h/feed");
		socket.sendTextMessage("not open");
		await().until(() -> this.published.size() == 4);
		assertThat(this.published).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("UrlChangedEvent", "ErrorStringChangedEvent", "ErrorChangedEvent", "ErrorOccurredEvent");
		assertThat(this.published).allSatisfy((event) -> {
			assertThat(((WebSocketEvent) event).clientName()).isEqualTo("feed");
			assertThat(((WebSocketEvent) event).webSocket()).isSameAs(socket);
		});
	}

	@Test
	void disconnectingStopsPublishing() {
		WebSocket socket = new WebSocket(null);
		for (var connection : this.publisher.publish("feed", socket)) {
			connection.disconnect();
		}
		assertThat(socket.signals()).allMatch((signal) -> signal.listenerCount() == 0);
	}

}
