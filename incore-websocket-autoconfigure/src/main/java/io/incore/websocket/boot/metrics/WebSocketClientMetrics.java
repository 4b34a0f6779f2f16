package io.incore.websocket.boot.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.incore.websocket.IpSocketError;
import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketStatistics;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.ownership.OwnershipView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the meters of every configured WebSocket client, tagged {@code client=<name>}; the README lists them.
 * Counters read the client's {@link WebSocketStatistics}; errors and disconnects are counted from its signals.
 * Every tag has few values: client names, message types, enumeration names and close codes.
 */
public final class WebSocketClientMetrics implements MeterBinder {

	private static final String PREFIX = "incore.websocket.";

	private final WebSocketClients clients;

	private final OwnershipView ownership;

	/**
	 * Creates the binder.
	 * @param clients the clients to measure
	 */
	public WebSocketClientMetrics(WebSocketClients clients) {
		this(clients, null);
	}

	/**
	 * Creates the binder, with the gauge {@code incore.websocket.owner} of the single-instance clients.
	 * @param clients the clients to measure
	 * @param ownership who owns which client, {@code null} without single-instance clients
	 */
	public WebSocketClientMetrics(WebSocketClients clients, OwnershipView ownership) {
		this.clients = clients;
		this.ownership = ownership;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.clients.asMap().forEach((name, client) -> {
			bind(registry, name, client);
			if (this.ownership != null && this.ownership.role(name).isPresent()) {
				Gauge.builder(PREFIX + "owner", this.ownership, (view) -> view.isOwner(name).orElse(false) ? 1 : 0)
					.description("1 while this instance owns the single-instance client, else 0")
					.tags(Tags.of("client", name, "role", this.ownership.role(name).get()))
					.register(registry);
			}
		});
	}

	private static void bind(MeterRegistry registry, String name, WebSocket client) {
		Tags tags = Tags.of("client", name);
		Gauge.builder(PREFIX + "state", client, (socket) -> socket.getState().value())
			.description("Connection state: 0 Connecting, 1 Open, 2 Closing, 3 Closed")
			.tags(tags)
			.register(registry);
		Gauge.builder(PREFIX + "open", client, (socket) -> (socket.getState() == WebSocket.State.Open) ? 1 : 0)
			.description("1 while the connection is open, else 0")
			.tags(tags)
			.register(registry);
		Gauge.builder(PREFIX + "inbound.queue.depth", client, WebSocket::getInboundQueueDepth)
			.description("Received messages (pongs among them) waiting for listeners")
			.tags(tags)
			.register(registry);
		Gauge.builder(PREFIX + "send.buffer.depth", client, WebSocket::getSendBufferDepth)
			.description("Messages sent while the connection was re-established, waiting for it")
			.tags(tags)
			.register(registry);
		counter(registry, "send.buffer.dropped", "Buffered messages dropped: overflow, or no connection to come",
				tags, client, WebSocketStatistics::sendBufferDropped);
		TimeGauge.builder(PREFIX + "heartbeat.round.trip", client, TimeUnit.NANOSECONDS,
				(socket) -> socket.getLastRoundTripTime().map((time) -> (double) time.toNanos()).orElse(Double.NaN))
			.description("Round-trip time of the last heartbeat ping")
			.tags(tags)
			.register(registry);
		Timer roundTrips = Timer.builder(PREFIX + "heartbeat.round.trip.time")
			.description("Round-trip times of the heartbeat pings")
			.tags(tags)
			.register(registry);
		client.heartbeatRoundTrip.connect(roundTrips::record);
		counter(registry, "connect.attempts", "Connection attempts by outcome", tags.and("outcome", "success"), client,
				WebSocketStatistics::connectSuccesses);
		counter(registry, "connect.attempts", "Connection attempts by outcome", tags.and("outcome", "failure"), client,
				WebSocketStatistics::connectFailures);
		FunctionTimer.builder(PREFIX + "connect.duration", client, (socket) -> socket.getStatistics().connectSuccesses(),
				(socket) -> socket.getStatistics().connectTime().toNanos(), TimeUnit.NANOSECONDS)
			.description("Time from the start of a successful attempt to the open connection")
			.tags(tags)
			.register(registry);
		counter(registry, "reconnect.attempts", "Reconnect attempts scheduled by the reconnect policy", tags, client,
				WebSocketStatistics::reconnectsScheduled);
		counter(registry, "send.rejected", "Messages not sent because the connection was not open", tags, client,
				WebSocketStatistics::sendRejections);
		traffic(registry, tags, client);
		countErrorsAndDisconnects(registry, tags, client);
	}

	private static void traffic(MeterRegistry registry, Tags tags, WebSocket client) {
		Tags text = tags.and("type", "text");
		Tags binary = tags.and("type", "binary");
		counter(registry, "messages.sent", "Messages sent", text, client, WebSocketStatistics::textMessagesSent);
		counter(registry, "messages.sent", "Messages sent", binary, client, WebSocketStatistics::binaryMessagesSent);
		counter(registry, "messages.received", "Messages received", text, client,
				WebSocketStatistics::textMessagesReceived);
		counter(registry, "messages.received", "Messages received", binary, client,
				WebSocketStatistics::binaryMessagesReceived);
		bytes(registry, "bytes.sent", "Payload bytes sent", text, client, WebSocketStatistics::textBytesSent);
		bytes(registry, "bytes.sent", "Payload bytes sent", binary, client, WebSocketStatistics::binaryBytesSent);
		bytes(registry, "bytes.received", "Payload bytes received", text, client,
				WebSocketStatistics::textBytesReceived);
		bytes(registry, "bytes.received", "Payload bytes received", binary, client,
				WebSocketStatistics::binaryBytesReceived);
	}

	/**
	 * Counts each error with its kind, and each end of an open connection with its close code. A signal is
	 * delivered on the client's event context, in order, so the socket error that precedes {@code errorOccurred()}
	 * is known when it arrives.
	 */
	private static void countErrorsAndDisconnects(MeterRegistry registry, Tags tags, WebSocket client) {
		AtomicReference<IpSocketError> socketError = new AtomicReference<>();
		client.ipSocketErrorOccurred.connect(socketError::set);
		client.errorOccurred.connect(() -> {
			IpSocketError code = socketError.getAndSet(null);
			registry.counter(PREFIX + "errors", tags.and("error", client.getError().name())
				.and("socket.error", (code != null) ? code.name() : "none")).increment();
		});
		AtomicBoolean wasOpen = new AtomicBoolean();
		client.connected.connect(() -> wasOpen.set(true));
		client.disconnected.connect(() -> {
			if (wasOpen.getAndSet(false)) {
				registry.counter(PREFIX + "disconnects", tags.and("close.code", String.valueOf(client.getCloseCode())))
					.increment();
			}
		});
	}

	private static void counter(MeterRegistry registry, String name, String description, Tags tags, WebSocket client,
			ToDoubleFunction<WebSocketStatistics> value) {
		statistic(registry, name, description, null, tags, client, value);
	}

	private static void bytes(MeterRegistry registry, String name, String description, Tags tags, WebSocket client,
			ToDoubleFunction<WebSocketStatistics> value) {
		statistic(registry, name, description, "bytes", tags, client, value);
	}

	private static void statistic(MeterRegistry registry, String name, String description, String baseUnit, Tags tags,
			WebSocket client, ToDoubleFunction<WebSocketStatistics> value) {
		FunctionCounter.builder(PREFIX + name, client, (socket) -> value.applyAsDouble(socket.getStatistics()))
			.description(description)
			.baseUnit(baseUnit)
			.tags(tags)
			.register(registry);
	}

}
