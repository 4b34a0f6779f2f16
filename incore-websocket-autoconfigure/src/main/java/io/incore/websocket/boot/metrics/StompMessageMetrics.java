package io.incore.websocket.boot.metrics;

import java.util.Set;

import io.incore.websocket.boot.stomp.StompMessageReceivedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.context.event.EventListener;

/**
 * Counts the STOMP messages each client received, as {@code incore.websocket.stomp.messages.received} tagged
 * {@code client=<name>}, and {@code destination} only for the clients configured with
 * {@code stomp.metrics-per-destination}: destinations can be many, and every one would be a time series.
 */
public final class StompMessageMetrics {

	private final MeterRegistry registry;

	private final Set<String> perDestination;

	/**
	 * Creates the counter.
	 * @param registry where the counts go
	 * @param perDestination the clients whose count is tagged with the destination
	 */
	public StompMessageMetrics(MeterRegistry registry, Set<String> perDestination) {
		this.registry = registry;
		this.perDestination = Set.copyOf(perDestination);
	}

	/**
	 * Counts one received message.
	 * @param event the message
	 */
	@EventListener
	public void count(StompMessageReceivedEvent event) {
		Tags tags = Tags.of("client", event.clientName());
		if (this.perDestination.contains(event.clientName())) {
			tags = tags.and("destination", event.destination());
		}
		this.registry.counter("incore.websocket.stomp.messages.received", tags).increment();
	}

}
