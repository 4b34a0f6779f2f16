package io.incore.websocket.boot.stomp;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.springws.IncoreWebSocketClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.simp.stomp.ConnectionLostException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * The STOMP session of one configured client, kept up across reconnects: Spring's {@link WebSocketStompClient}
 * runs on the client's own connection ({@link IncoreWebSocketClient#attachedTo(WebSocket)}); when the connection
 * is lost it CONNECTs again as soon as the client has reconnected (per its reconnect policy), and SUBSCRIBEs to
 * every configured destination again. A session that fails before the server's CONNECTED (an ERROR frame, a
 * refused CONNECT) is tried again after the delays of the client's reconnect policy, so that a server that refuses
 * is not hammered over a connection that stays up.
 */
public final class ManagedStompSession {

	private static final Log logger = LogFactory.getLog(ManagedStompSession.class);

	private final String name;

	private final WebSocket socket;

	private final WebSocketStompClient stompClient;

	private final StompClientSettings settings;

	private final ApplicationEventPublisher publisher;

	private final AtomicInteger failures = new AtomicInteger();

	private volatile TaskScheduler scheduler;

	private volatile StompSession session;

	private volatile boolean running;

	/**
	 * Creates the session manager; nothing connects before {@link #start()}.
	 * @param name the client's name
	 * @param socket the client
	 * @param stompClient Spring's STOMP client, attached to the socket
	 * @param settings the STOMP settings
	 * @param publisher where the STOMP events go
	 */
	public ManagedStompSession(String name, WebSocket socket, WebSocketStompClient stompClient,
			StompClientSettings settings, ApplicationEventPublisher publisher) {
		this.name = name;
		this.socket = socket;
		this.stompClient = stompClient;
		this.settings = settings;
		this.publisher = publisher;
	}

	/**
	 * Starts connecting; the session follows the client's connection from now on.
	 * @param scheduler runs STOMP heartbeats and receipt timeouts
	 */
	public void start(TaskScheduler scheduler) {
		this.stompClient.setTaskScheduler(scheduler);
		this.scheduler = scheduler;
		this.running = true;
		connect();
	}

	/**
	 * Sends DISCONNECT if connected and stops following the client's connection.
	 */
	public void stop() {
		this.running = false;
		StompSession current = this.session;
		this.session = null;
		if (current != null && current.isConnected()) {
			current.disconnect();
		}
	}

	/**
	 * Returns the current session.
	 * @return the session, empty while not connected
	 */
	public Optional<StompSession> session() {
		StompSession current = this.session;
		return (current != null && current.isConnected()) ? Optional.of(current) : Optional.empty();
	}

	/**
	 * Asks for a receipt for a subscription or a send, when configured, and publishes its outcome.
	 * @param receiptable the frame's receipt handle
	 */
	void publishReceipt(StompSession.Receiptable receiptable) {
		String receiptId = receiptable.getReceiptId();
		if (receiptId != null) {
			receiptable.addReceiptTask(() -> this.publisher
				.publishEvent(new StompReceiptEvent(this.name, this.socket, receiptId, true)));
			receiptable.addReceiptLostTask(() -> this.publisher
				.publishEvent(new StompReceiptEvent(this.name, this.socket, receiptId, false)));
		}
	}

	private void connect() {
		if (!this.running) {
			return;
		}
		SessionHandler handler = new SessionHandler();
		this.stompClient.connectAsync(URI.create(this.socket.getUrl()), new WebSocketHttpHeaders(), connectHeaders(),
				handler)
			.whenComplete((connected, failure) -> {
				if (failure != null) {
					error("could not connect: " + failure.getMessage(), "");
					handler.ended();
				}
			});
	}

	private StompHeaders connectHeaders() {
		StompHeaders headers = new StompHeaders();
		if (this.settings.host() != null) {
			headers.setHost(this.settings.host());
		}
		if (this.settings.login() != null) {
			headers.setLogin(this.settings.login());
		}
		if (this.settings.passcode() != null) {
			headers.setPasscode(this.settings.passcode());
		}
		headers.setHeartbeat(new long[] { this.settings.heartbeatOutgoing().toMillis(),
				this.settings.heartbeatIncoming().toMillis() });
		return headers;
	}

	private void error(String message, String details) {
		logger.warn("STOMP client '" + this.name + "' (" + this.socket.getRedactedUrl() + "): " + message);
		this.publisher.publishEvent(new StompErrorEvent(this.name, this.socket, message, details));
	}

	/**
	 * Follows one STOMP session: subscribes once connected, reports ERROR frames, connects again when the
	 * connection is lost.
	 */
	private final class SessionHandler extends StompSessionHandlerAdapter {

		private final AtomicBoolean ended = new AtomicBoolean();

		private volatile boolean connected;

		@Override
		public void afterConnected(StompSession connected, StompHeaders connectedHeaders) {
			this.connected = true;
			ManagedStompSession.this.failures.set(0);
			connected.setAutoReceipt(ManagedStompSession.this.settings.autoReceipt());
			ManagedStompSession.this.session = connected;
			for (StompClientSettings.Subscription subscription : ManagedStompSession.this.settings.subscriptions()) {
				StompHeaders headers = new StompHeaders();
				headers.setDestination(subscription.destination());
				if (subscription.id() != null) {
					headers.setId(subscription.id());
				}
				publishReceipt(connected.subscribe(headers, new MessageHandler(subscription.destination())));
			}
			if (!ManagedStompSession.this.running) {
				connected.disconnect();
			}
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		/**
		 * Receives ERROR frames.
		 */
		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			String message = headers.getFirst("message");
			error("the server sent an ERROR frame: " + ((message != null) ? message : "(no message)"),
					(payload != null) ? new String((byte[]) payload, StandardCharsets.UTF_8) : "");
		}

		@Override
		public void handleException(StompSession failed, StompCommand command, StompHeaders headers, byte[] payload,
				Throwable exception) {
			error("could not handle a " + command + " frame: " + exception.getMessage(), "");
		}

		@Override
		public void handleTransportError(StompSession failed, Throwable exception) {
			if (exception instanceof ConnectionLostException) {
				ended();
			}
			else {
				error("transport error: " + exception.getMessage(), "");
			}
		}

		/**
		 * This session is over: CONNECTs again, at once after a session that was up (the attached client waits
		 * for its own reconnect), else after the next delay of the reconnect policy.
		 */
		void ended() {
			if (!this.ended.compareAndSet(false, true)) {
				return;
			}
			ManagedStompSession.this.session = null;
			int attempt = this.connected ? 0 : ManagedStompSession.this.failures.incrementAndGet();
			Duration delay = (attempt == 0) ? Duration.ZERO : ManagedStompSession.this.socket.getOptions()
				.reconnect()
				.delayBefore(attempt, () -> ThreadLocalRandom.current().nextDouble());
			ManagedStompSession.this.scheduler.schedule(ManagedStompSession.this::connect, Instant.now().plus(delay));
		}

	}

	/**
	 * Publishes the messages of one subscription.
	 */
	private final class MessageHandler implements StompFrameHandler {

		private final String destination;

		MessageHandler(String destination) {
			this.destination = destination;
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			String actual = headers.getDestination();
			ManagedStompSession.this.publisher.publishEvent(new StompMessageReceivedEvent(ManagedStompSession.this.name,
					ManagedStompSession.this.socket, (actual != null) ? actual : this.destination, headers,
					(byte[]) payload));
		}

	}

}
