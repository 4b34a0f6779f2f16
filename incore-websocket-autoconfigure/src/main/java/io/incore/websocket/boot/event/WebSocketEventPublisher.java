package io.incore.websocket.boot.event;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.incore.websocket.AbstractSignal;
import io.incore.websocket.IpSocketError;
import io.incore.websocket.ReconnectGaveUp;
import io.incore.websocket.ReconnectScheduled;
import io.incore.websocket.SignalConnection;
import io.incore.websocket.WebSocket;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/**
 * Publishes every signal of WebSocket clients as the matching {@link WebSocketEvent}. Each event is published
 * from the signal's listener, so the client's delivery contract (in order, never concurrently) carries over to
 * the application's event listeners.
 * <p>
 * Decision: an event is published wrapped in a {@link PayloadApplicationEvent} made here, as the context would wrap
 * it (the publisher as its source, {@code PayloadApplicationEvent<TextMessageReceivedEvent>} as its type), but
 * with that type computed once per event class instead of for every event: the context's own wrapping builds the
 * generic type anew each time, which was most of the cost of publishing a message (measured in BENCHMARKS-ARCHIVE.md,
 * {@code spring-payload}). Listeners see no difference: {@code @EventListener} methods get the record, and the
 * event still goes through {@link ApplicationEventPublisher#publishEvent(ApplicationEvent)}, so a parent context
 * gets it too.
 */
public final class WebSocketEventPublisher {

	private static final Map<String, EventFactory> factories = new HashMap<>();

	static {
		factories.put("completed", (client, webSocket, args) -> new CompletedEvent(client, webSocket));
		factories.put("objectIdChanged", (client, webSocket, args) -> new ObjectIdChangedEvent(client, webSocket));
		factories.put("parentChanged", (client, webSocket, args) -> new ParentChangedEvent(client, webSocket));
		factories.put("appendChanged", (client, webSocket, args) -> new AppendChangedEvent(client, webSocket));
		factories.put("atEndChanged", (client, webSocket, args) -> new AtEndChangedEvent(client, webSocket));
		factories.put("autoOpenChanged", (client, webSocket, args) -> new AutoOpenChangedEvent(client, webSocket));
		factories.put("bytesAvailableChanged", (client, webSocket, args) -> new BytesAvailableChangedEvent(client, webSocket));
		factories.put("canReadLineChanged", (client, webSocket, args) -> new CanReadLineChangedEvent(client, webSocket));
		factories.put("deviceErrorStringChanged", (client, webSocket, args) -> new DeviceErrorStringChangedEvent(client, webSocket));
		factories.put("isOpenChanged", (client, webSocket, args) -> new IsOpenChangedEvent(client, webSocket));
		factories.put("isWritableChanged", (client, webSocket, args) -> new IsWritableChangedEvent(client, webSocket));
		factories.put("nameArgumentChanged", (client, webSocket, args) -> new NameArgumentChangedEvent(client, webSocket));
		factories.put("posChanged", (client, webSocket, args) -> new PosChangedEvent(client, webSocket));
		factories.put("readOnlyChanged", (client, webSocket, args) -> new ReadOnlyChangedEvent(client, webSocket));
		factories.put("sizeChanged", (client, webSocket, args) -> new SizeChangedEvent(client, webSocket));
		factories.put("truncateChanged", (client, webSocket, args) -> new TruncateChangedEvent(client, webSocket));
		factories.put("unbufferedChanged", (client, webSocket, args) -> new UnbufferedChangedEvent(client, webSocket));
		factories.put("readyRead", (client, webSocket, args) -> new ReadyReadEvent(client, webSocket));
		factories.put("lineAvailableForRead", (client, webSocket, args) -> new LineAvailableForReadEvent(client, webSocket));
		factories.put("autoConnectChanged", (client, webSocket, args) -> new AutoConnectChangedEvent(client, webSocket));
		factories.put("errorChanged", (client, webSocket, args) -> new ErrorChangedEvent(client, webSocket));
		factories.put("errorStringChanged", (client, webSocket, args) -> new ErrorStringChangedEvent(client, webSocket));
		factories.put("stateChanged", (client, webSocket, args) -> new StateChangedEvent(client, webSocket));
		factories.put("subProtocolChanged", (client, webSocket, args) -> new SubProtocolChangedEvent(client, webSocket));
		factories.put("urlChanged", (client, webSocket, args) -> new UrlChangedEvent(client, webSocket));
		factories.put("binaryMessageReceived", (client, webSocket, args) -> new BinaryMessageReceivedEvent(client, webSocket, (byte[]) args[0]));
		factories.put("connected", (client, webSocket, args) -> new ConnectedEvent(client, webSocket));
		factories.put("disconnected", (client, webSocket, args) -> new DisconnectedEvent(client, webSocket));
		factories.put("errorOccurred", (client, webSocket, args) -> new ErrorOccurredEvent(client, webSocket));
		factories.put("ipSocketErrorOccurred", (client, webSocket, args) -> new IpSocketErrorOccurredEvent(client, webSocket, (IpSocketError) args[0]));
		factories.put("sslErrorOccurred", (client, webSocket, args) -> new SslErrorOccurredEvent(client, webSocket, (String) args[0]));
		factories.put("textMessageReceived", (client, webSocket, args) -> new TextMessageReceivedEvent(client, webSocket, (String) args[0]));
		factories.put("reconnectScheduled", (client, webSocket, args) -> ReconnectScheduledEvent.of(client, webSocket, (ReconnectScheduled) args[0]));
		factories.put("reconnectGaveUp", (client, webSocket, args) -> ReconnectGaveUpEvent.of(client, webSocket, (ReconnectGaveUp) args[0]));
		factories.put("pongReceived", (client, webSocket, args) -> new PongReceivedEvent(client, webSocket, (byte[]) args[0]));
		factories.put("heartbeatRoundTrip", (client, webSocket, args) -> new HeartbeatRoundTripEvent(client, webSocket, (Duration) args[0]));
	}

	private static final ClassValue<EventTypes> eventTypes = new ClassValue<>() {

		@Override
		protected EventTypes computeValue(Class<?> type) {
			ResolvableType payload = ResolvableType.forClass(type);
			return new EventTypes(payload, ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, payload));
		}

	};

	private final ApplicationEventPublisher publisher;

	/**
	 * Creates a publisher.
	 * @param publisher where events go
	 */
	public WebSocketEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Starts publishing the signals of a client.
	 * @param clientName the client's name
	 * @param webSocket the client
	 * @return the handles that stop publishing
	 * @throws IllegalStateException if the client has a signal without an event type
	 */
	public SignalConnection[] publish(String clientName, WebSocket webSocket) {
		return webSocket.signals().stream().map((signal) -> connect(clientName, webSocket, signal))
			.toArray(SignalConnection[]::new);
	}

	private SignalConnection connect(String clientName, WebSocket webSocket, AbstractSignal<?> signal) {
		EventFactory factory = factories.get(signal.name());
		if (factory == null) {
			throw new IllegalStateException("No event type for signal '" + signal.name() + "'");
		}
		return signal.connectGeneric((args) -> publish(factory.create(clientName, webSocket, args)));
	}

	private void publish(WebSocketEvent event) {
		this.publisher.publishEvent(new SignalEvent<>(this.publisher, event, eventTypes.get(event.getClass())));
	}

	/**
	 * Tells whether a signal has an event type.
	 * @param signalName the signal name
	 * @return whether events are published for it
	 */
	static boolean covers(String signalName) {
		return factories.containsKey(signalName);
	}

	/**
	 * The types of the application event that carries one event class, computed once.
	 */
	private record EventTypes(ResolvableType payload, ResolvableType event) {
	}

	/**
	 * The application event that carries a {@link WebSocketEvent}, with its generic type computed once per event
	 * class.
	 */
	private static final class SignalEvent<T extends WebSocketEvent> extends PayloadApplicationEvent<T> {

		private final transient ResolvableType type;

		SignalEvent(Object source, T payload, EventTypes types) {
			super(source, payload, types.payload());
			this.type = types.event();
		}

		@Override
		public ResolvableType getResolvableType() {
			return this.type;
		}

	}

	@FunctionalInterface
	private interface EventFactory {

		WebSocketEvent create(String clientName, WebSocket webSocket, Object[] args);

	}

}
