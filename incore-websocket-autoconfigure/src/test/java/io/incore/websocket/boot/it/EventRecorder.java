package io.incore.websocket.boot.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.incore.websocket.boot.event.WebSocketEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@link WebSocketEvent} in publication order. Spring's {@code @RecordApplicationEvents} cannot be
 * used: it records only events published on the test's own thread, while clients publish on their event
 * contexts.
 */
@Component
public class EventRecorder {

	private final List<WebSocketEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void record(WebSocketEvent event) {
		this.events.add(event);
	}

	<T extends WebSocketEvent> Stream<T> stream(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast);
	}

}
