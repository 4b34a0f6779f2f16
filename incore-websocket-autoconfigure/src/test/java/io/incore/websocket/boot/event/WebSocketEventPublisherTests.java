package io.incore.websocket.boot.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.AbstractSignal;
import io.incore.websocket.WebSocket;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.DefaultEventListenerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.context.event.EventListenerMethodProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

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
		List<Object> payloads = this.published.stream()
			.<Object>map((event) -> ((PayloadApplicationEvent<?>) event).getPayload())
			.toList();
		assertThat(payloads).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("UrlChangedEvent", "ErrorStringChangedEvent", "ErrorChangedEvent", "ErrorOccurredEvent");
		assertThat(payloads).allSatisfy((event) -> {
			assertThat(((WebSocketEvent) event).clientName()).isEqualTo("feed");
			assertThat(((WebSocketEvent) event).webSocket()).isSameAs(socket);
		});
	}

	@Test
	void eventsAreWrappedAsTheContextWouldWrapThem() {
		WebSocket socket = new WebSocket(null);
		this.publisher.publish("feed", socket);
		socket.setUrl("ws://h/feed");
		await().until(() -> this.published.size() == 1);
		PayloadApplicationEvent<?> event = (PayloadApplicationEvent<?>) this.published.get(0);
		assertThat(event.getResolvableType())
			.hasToString(ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, UrlChangedEvent.class)
				.toString());
		assertThat(event.getPayload()).isInstanceOf(UrlChangedEvent.class);
	}

	@Test
	void listenersOfTheContextAndOfItsParentGetTheEvents() {
		try (GenericApplicationContext parent = new GenericApplicationContext();
				GenericApplicationContext child = new GenericApplicationContext()) {
			parent.registerBean(Listeners.class, () -> new Listeners("parent"));
			parent.registerBean(EventListenerMethodProcessor.class);
			parent.registerBean(DefaultEventListenerFactory.class);
			parent.refresh();
			child.setParent(parent);
			child.registerBean(Listeners.class, () -> new Listeners("child"));
			child.registerBean(EventListenerMethodProcessor.class);
			child.registerBean(DefaultEventListenerFactory.class);
			child.registerBean(PayloadListener.class);
			child.refresh();
			WebSocket socket = new WebSocket(null);
			new WebSocketEventPublisher(child).publish("feed", socket);
			socket.setUrl("ws://h/feed");
			await().until(() -> Listeners.received.size() == 3);
			assertThat(Listeners.received).containsExactlyInAnyOrder("child record ws://h/feed",
					"child payload event ws://h/feed", "parent record ws://h/feed");
		}
		finally {
			Listeners.received.clear();
		}
	}

	static class Listeners {

		static final List<String> received = new CopyOnWriteArrayList<>();

		private final String name;

		Listeners(String name) {
			this.name = name;
		}

		@EventListener
		void urlChanged(UrlChangedEvent event) {
			received.add(this.name + " record " + event.webSocket().getUrl());
		}

	}

	static class PayloadListener implements ApplicationListener<PayloadApplicationEvent<UrlChangedEvent>> {

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<UrlChangedEvent> event) {
			Listeners.received.add("child payload event " + event.getPayload().webSocket().getUrl());
		}

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
