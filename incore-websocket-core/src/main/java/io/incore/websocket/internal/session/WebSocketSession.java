package io.incore.websocket.internal.session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.incore.websocket.Heartbeat;
import io.incore.websocket.InboundLimits;
import io.incore.websocket.IpSocketError;
import io.incore.websocket.ReconnectGaveUp;
import io.incore.websocket.ReconnectPolicy;
import io.incore.websocket.ReconnectScheduled;
import io.incore.websocket.SendBuffer;
import io.incore.websocket.WebSocket.State;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.WebSocketStatistics;
import io.incore.websocket.WebSocketUrl;
import io.incore.websocket.internal.frame.Rfc6455;

/**
 * The connection life of one {@code WebSocket}: the state machine {@code Closed → Connecting → Open → Closing →
 * Closed}, one connection attempt at a time, reconnecting with backoff, the heartbeat, and the order of what
 * reaches the application at the end of a connection. The {@code WebSocket} is a facade over it: it keeps the
 * properties and signals, and the session tells it what happened through its {@link Host}.
 * <p>
 * Every transition happens under the host's lock, and the host emits its signals under that lock, so their order
 * is the order of the transitions. Time comes from an injected clock and scheduler, so that the heartbeat, the
 * backoff and the close timeout can be tested without waiting.
 */
public final class WebSocketSession {

	private static final System.Logger logger = System.getLogger(WebSocketSession.class.getName());

	/** A heartbeat ping carries this tag and the clock's time, so that its pong is told from the application's. */
	private static final byte HEARTBEAT_TAG = 'h';

	private static final int HEARTBEAT_PAYLOAD = 1 + Long.BYTES;

	private final Host host;

	private final Object lock;

	private final WebSocketOptions options;

	private final Connector connector;

	private final Clock clock;

	private final InboundQueue inbound;

	private final StatisticsCounters statistics = new StatisticsCounters();

	private final Outbox outbox = new Outbox();

	/** Set while the outbox is being written on a new connection: sends then queue behind it, to keep order. */
	private boolean flushing;

	private State state = State.Closed;

	private Attempt current;

	/**
	 * The open connection's attempt while a send may be written at once ({@code Open}, outbox written), else
	 * {@code null}: read without the lock, so that a send does not contend with the transport thread that emits
	 * received messages under it. Set under the lock after every transition that allows sending, cleared by every one
	 * that ends it.
	 */
	private volatile Attempt sendable;

	private boolean reconnectAfterClose;

	private boolean userDisconnected;

	private boolean connectionWanted;

	private Timers.Timer reconnectTask;

	private volatile int reconnectAttempts;

	private long openedAtNanos;

	private volatile long lastRoundTripNanos = -1;

	private volatile Instant lastConnectedAt;

	private volatile String negotiatedSubProtocol = "";

	private volatile List<String> negotiatedExtensions = List.of();

	private volatile int closeCode = -1;

	private volatile String closeReason = "";

	/** Why reconnecting stopped, {@code null} while it has not. */
	private volatile String gaveUp;

	private volatile int handshakeStatus;

	private volatile String connectedUrl = "";

	/**
	 * Creates the session of one {@code WebSocket}.
	 * @param host the facade it reports to
	 * @param options the options
	 * @param connector opens connections
	 * @param clock the time and the timers
	 */
	public WebSocketSession(Host host, WebSocketOptions options, Connector connector, Clock clock) {
		this.host = host;
		this.lock = host.lock();
		this.options = options;
		this.connector = connector;
		this.clock = clock;
		this.inbound = new InboundQueue(options.inbound());
	}

	/**
	 * Connects unless connecting or connected already; while closing, connects once closed.
	 */
	public void connect() {
		open();
	}

	/**
	 * Connects as {@link #connect()} does, for {@code open()}, which reports an invalid URL itself. Both end an
	 * earlier {@link #disconnect}, so a connection that drops later is reconnected again.
	 * @return whether an attempt is under way
	 */
	public boolean open() {
		synchronized (this.lock) {
			this.userDisconnected = false;
			this.gaveUp = null;
			cancelReconnect();
			return switch (this.state) {
				case Closed -> startAttempt();
				case Closing -> this.reconnectAfterClose = true;
				case Connecting, Open -> true;
			};
		}
	}

	/**
	 * Disconnects: abandons an attempt, or starts the close handshake of an open connection. No reconnect follows
	 * until {@link #connect()}.
	 * @param code the close code
	 * @param reason the close reason
	 */
	public void disconnect(int code, String reason) {
		synchronized (this.lock) {
			this.reconnectAfterClose = false;
			this.userDisconnected = true;
			this.connectionWanted = false;
			cancelReconnect();
			this.outbox.clear();
			Attempt attempt = this.current;
			switch (this.state) {
				case Connecting -> {
					finishClosed();
					attempt.connection.abandon();
				}
				case Open -> attempt.beginClose(code, reason);
				case Closing, Closed -> {
				}
			}
		}
	}

	/**
	 * The URL changed: a live connection is replaced, a closed session with automatic connection connects.
	 */
	public void urlChanged() {
		synchronized (this.lock) {
			if (this.state != State.Closed) {
				boolean reconnect = this.host.isAutoConnect() || this.host.isDeviceOpen();
				disconnect(Rfc6455.CLOSE_NORMAL, "");
				if (reconnect) {
					connect();
				}
			}
			else if (this.host.isCompleted() && this.host.isAutoConnect() && !this.userDisconnected) {
				cancelReconnect();
				startAttempt();
			}
		}
	}

	/**
	 * Automatic connection was turned on or off.
	 * @param autoConnect the new value
	 */
	public void autoConnectChanged(boolean autoConnect) {
		synchronized (this.lock) {
			if (autoConnect && this.host.isCompleted() && this.state == State.Closed
					&& !this.host.url().isEmpty()) {
				connect();
			}
			else if (!autoConnect && !this.host.isDeviceOpen()) {
				cancelReconnect();
			}
		}
	}

	/**
	 * Sends a text message; while the connection is re-established, buffers it if a {@link SendBuffer} is
	 * configured, else reports {@code NotOpenError}.
	 * @param message the text
	 * @return the UTF-8 bytes sent or buffered, or -1
	 */
	public long sendText(String message) {
		Attempt attempt = this.sendable;
		if (attempt != null) {
			return writeText(attempt, message);
		}
		synchronized (this.lock) {
			if (this.state != State.Open || this.flushing) {
				return queueOrReject(Outbox.Outgoing.text(message));
			}
			attempt = this.current;
		}
		return writeText(attempt, message);
	}

	/**
	 * Sends a binary message, or buffers or refuses it as {@link #sendText(String)} does.
	 * @param message the payload
	 * @return the bytes sent or buffered, or -1
	 */
	public long sendBinary(byte[] message) {
		Attempt attempt = this.sendable;
		if (attempt != null) {
			return writeBinary(attempt, message);
		}
		synchronized (this.lock) {
			if (this.state != State.Open || this.flushing) {
				return queueOrReject(Outbox.Outgoing.binary(message));
			}
			attempt = this.current;
		}
		return writeBinary(attempt, message);
	}

	private long writeText(Attempt attempt, String message) {
		try {
			long bytes = attempt.connection.sendText(message);
			this.statistics.textMessagesSent.increment();
			this.statistics.textBytesSent.add(bytes);
			return bytes;
		}
		catch (IOException | RuntimeException ex) {
			attempt.failed(ex);
			return -1;
		}
	}

	private long writeBinary(Attempt attempt, byte[] message) {
		try {
			attempt.connection.sendBinary(message);
			this.statistics.binaryMessagesSent.increment();
			this.statistics.binaryBytesSent.add(message.length);
			return message.length;
		}
		catch (IOException | RuntimeException ex) {
			attempt.failed(ex);
			return -1;
		}
	}

	/**
	 * Queues a send made while the outbox is written on a new connection, or while the connection is
	 * re-established and a send buffer is configured; else refuses it with {@code NotOpenError}. Called under the
	 * lock.
	 */
	private long queueOrReject(Outbox.Outgoing message) {
		boolean queued;
		if (this.state == State.Open) {
			queued = this.outbox.offer(message, null);
		}
		else {
			SendBuffer bounds = this.options.sendBuffer();
			queued = bounds != null && isReestablishing() && this.outbox.offer(message, bounds);
		}
		if (queued) {
			return message.bytes();
		}
		this.statistics.sendRejections.increment();
		this.host.notOpen(this.state);
		return -1;
	}

	/**
	 * Tells whether a connection is on its way: an attempt runs, a reconnect is scheduled, or a closing connection
	 * is going to be reconnected.
	 */
	private boolean isReestablishing() {
		return switch (this.state) {
			case Connecting -> true;
			case Closing -> this.reconnectAfterClose || shouldReconnect();
			case Closed -> this.reconnectTask != null;
			case Open -> false;
		};
	}

	/**
	 * Writes the outbox on a connection that has just opened, on the session's executor: a send that waits for
	 * the socket must not hold a transport thread. Sends made meanwhile queue behind it.
	 */
	private void flush(Attempt attempt) {
		while (true) {
			Outbox.Outgoing next;
			synchronized (this.lock) {
				if (!attempt.isCurrent() || this.state != State.Open) {
					return;
				}
				next = this.outbox.poll();
				if (next == null) {
					this.flushing = false;
					this.sendable = attempt;
					return;
				}
			}
			long written = (next.text() != null) ? writeText(attempt, next.text()) : writeBinary(attempt, next.binary());
			if (written < 0) {
				return;
			}
		}
	}

	/**
	 * Sends a ping or an unsolicited pong of the application, or reports {@code NotOpenError}.
	 * @param pong whether to send a pong
	 * @param payload at most 125 bytes
	 * @return whether it was handed to the transport
	 */
	public boolean sendControl(boolean pong, byte[] payload) {
		if (payload.length > Rfc6455.MAX_CONTROL_PAYLOAD) {
			throw new IllegalArgumentException("A control frame carries at most " + Rfc6455.MAX_CONTROL_PAYLOAD
					+ " bytes but the payload has " + payload.length);
		}
		Attempt attempt;
		synchronized (this.lock) {
			if (this.state != State.Open) {
				this.statistics.sendRejections.increment();
				this.host.notOpen(this.state);
				return false;
			}
			attempt = this.current;
		}
		try {
			if (pong) {
				attempt.connection.sendPong(payload);
			}
			else {
				attempt.connection.sendPing(payload);
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			attempt.failed(ex);
			return false;
		}
	}

	/**
	 * Waits until the state is {@code Closed}.
	 * @param timeout the longest wait
	 * @return whether it is
	 */
	public boolean awaitClosed(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (this.state != State.Closed) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.lock, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private boolean startAttempt() {
		WebSocketUrl.Check check = WebSocketUrl.check(this.host.url(), this.options.redactedNames());
		this.connectionWanted = true;
		if (!check.valid()) {
			this.host.failed(Failure.socket(check.error(), check.message()));
			return false;
		}
		Attempt attempt = new Attempt(check.uri());
		this.current = attempt;
		this.statistics.connectAttempts.increment();
		setState(State.Connecting);
		attempt.connection = this.connector.connect(check.uri(), SubProtocols.parse(this.host.subProtocol()),
				this.reconnectAttempts,
				this.options.inlineDelivery() ? null : this.inbound, attempt);
		return true;
	}

	/**
	 * Changes the state; leaving {@code Open} ends the sends written at once, entering it does not start them (the
	 * caller sets {@link #sendable} once the outbox is under way).
	 */
	private void setState(State state) {
		if (state != State.Open) {
			this.sendable = null;
		}
		this.state = state;
		this.host.stateChanged(state);
	}

	private void finishClosed() {
		Attempt attempt = this.current;
		if (attempt == null) {
			return;
		}
		attempt.stopHeartbeat();
		if (!attempt.opened) {
			this.statistics.connectFailures.increment();
		}
		this.current = null;
		this.flushing = false;
		this.connector.release();
		setState(State.Closed);
		this.lock.notifyAll();
		this.host.disconnected();
		if (this.reconnectAfterClose) {
			this.reconnectAfterClose = false;
			startAttempt();
		}
		else if (shouldReconnect()) {
			scheduleReconnect(attempt);
		}
		if (this.state == State.Closed && this.reconnectTask == null) {
			this.outbox.clear();
		}
	}

	private boolean shouldReconnect() {
		return !this.userDisconnected && (this.host.isAutoConnect() || this.host.isDeviceOpen());
	}

	private void scheduleReconnect(Attempt ended) {
		ReconnectPolicy policy = this.options.reconnect();
		String cause = ended.endCause();
		Failure failure = ended.failure;
		boolean newCredentialsMayHelp = this.options.headersProvider() != null
				&& (failure != null && (failure.httpStatus() == 401 || failure.httpStatus() == 403));
		if (failure != null && policy.stopsOnRefusal(failure.httpStatus()) && !newCredentialsMayHelp) {
			giveUp("gave up: the server refused the upgrade with HTTP " + failure.httpStatus()
					+ ", which a retry will not change");
			return;
		}
		if (ended.opened && policy.stopsOn(this.closeCode)) {
			giveUp("gave up: closed with " + this.closeCode + " " + Rfc6455.describe(this.closeCode)
					+ (this.closeReason.isEmpty() ? "" : " (" + this.closeReason + ")")
					+ ", which a reconnect will not fix");
			return;
		}
		if (this.openedAtNanos != 0 && this.clock.nanoTime() - this.openedAtNanos >= policy.resetAfter().toNanos()) {
			this.reconnectAttempts = 0;
		}
		this.openedAtNanos = 0;
		int next = this.reconnectAttempts + 1;
		if (!policy.allows(next)) {
			giveUp("gave up after " + policy.maxAttempts() + " attempts: " + cause);
			return;
		}
		this.reconnectAttempts = next;
		this.statistics.reconnectsScheduled.increment();
		Duration delay = policy.delayBefore(next, this.clock.random());
		if (failure != null && failure.retryAfter() != null) {
			Duration asked = (failure.retryAfter().compareTo(policy.maxDelay()) > 0) ? policy.maxDelay()
					: failure.retryAfter();
			delay = (asked.compareTo(delay) > 0) ? asked : delay;
		}
		this.reconnectTask = this.clock.timers().schedule(this::reconnectNow, delay);
		this.host.reconnectScheduled(new ReconnectScheduled(next, delay, cause));
	}

	/**
	 * Stops reconnecting until {@link #connect()}, and says why.
	 */
	private void giveUp(String reason) {
		this.gaveUp = reason;
		logger.log(Level.WARNING, () -> this.host.describe() + " " + reason + "; call connectToHost() to try again");
		this.host.reconnectGaveUp(new ReconnectGaveUp(this.reconnectAttempts, reason));
	}

	private void reconnectNow() {
		synchronized (this.lock) {
			this.reconnectTask = null;
			if (this.state == State.Closed && shouldReconnect()) {
				startAttempt();
			}
		}
	}

	private void cancelReconnect() {
		if (this.reconnectTask != null) {
			this.reconnectTask.cancel();
			this.reconnectTask = null;
		}
	}

	/**
	 * Returns the subprotocol the server selected for the current or last connection.
	 * @return the subprotocol, {@code ""} for none
	 */
	public String negotiatedSubProtocol() {
		return this.negotiatedSubProtocol;
	}

	/**
	 * Returns the extensions the server agreed to for the current or last connection.
	 * @return the extensions, empty for none
	 */
	public List<String> negotiatedExtensions() {
		return this.negotiatedExtensions;
	}

	/**
	 * Returns the close code of the last connection that ended.
	 * @return the code, -1 if none ended yet
	 */
	public int closeCode() {
		return this.closeCode;
	}

	/**
	 * Returns the close reason that came with {@link #closeCode()}.
	 * @return the reason
	 */
	public String closeReason() {
		return this.closeReason;
	}

	/**
	 * Returns why reconnecting stopped: the attempt limit was reached, or a connection ended with a close code of
	 * the policy's {@code stopOnCloseCodes}.
	 * @return the reason, empty while reconnecting has not stopped or after the next {@link #connect()}
	 */
	public Optional<String> gaveUpReason() {
		return Optional.ofNullable(this.gaveUp);
	}

	/**
	 * Returns the URL the current or last connection reached, after the redirects of its handshake.
	 * @return the URL, {@code ""} before any connection opened
	 */
	public String connectedUrl() {
		return this.connectedUrl;
	}

	/**
	 * Returns the HTTP status of the last opening handshake that got an answer.
	 * @return 101 when it opened, the error status when the server refused it, 0 before any answer
	 */
	public int handshakeStatus() {
		return this.handshakeStatus;
	}

	/**
	 * Returns the consecutive reconnect attempts since the last stable connection.
	 * @return the count
	 */
	public int reconnectAttempts() {
		return this.reconnectAttempts;
	}

	/**
	 * Returns the round-trip time of the last heartbeat ping.
	 * @return the time, empty if none was measured
	 */
	public Optional<Duration> lastRoundTripTime() {
		long nanos = this.lastRoundTripNanos;
		return (nanos >= 0) ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
	}

	/**
	 * Returns the traffic and connection counters.
	 * @return a snapshot
	 */
	public WebSocketStatistics statistics() {
		return this.statistics.snapshot(this.outbox.dropped());
	}

	/**
	 * Returns when the last connection opened.
	 * @return the instant, empty if never
	 */
	public Optional<Instant> lastConnectedAt() {
		return Optional.ofNullable(this.lastConnectedAt);
	}

	/**
	 * Tells whether a connection is wanted: requested and not ended by a disconnect since.
	 * @return whether it is
	 */
	public boolean isConnectionWanted() {
		synchronized (this.lock) {
			return this.connectionWanted;
		}
	}

	/**
	 * Returns the number of messages the application sent that wait for a connection.
	 * @return the depth
	 */
	public int sendBufferDepth() {
		synchronized (this.lock) {
			return this.outbox.depth();
		}
	}

	/**
	 * Returns the number of received messages waiting for listeners.
	 * @return the depth
	 */
	public int inboundDepth() {
		return this.inbound.depth();
	}

	/**
	 * One connection attempt and the connection it became. Its callbacks take effect only while it is the
	 * current attempt, so late events of an abandoned connection change nothing. Every callback runs on a
	 * transport thread and takes the lock, except where it may wait for listeners.
	 */
	private final class Attempt implements ConnectionListener {

		private final URI uri;

		private final String target;

		private Connection connection;

		private Timers.Timer nextPing;

		/** The checks of the pings sent, oldest first; they all wait the same timeout, so they run in order. */
		private final ArrayDeque<Timers.Timer> pongChecks = new ArrayDeque<>(2);

		private volatile long lastPongFor;

		/** Pings in a row whose pong did not come in time. */
		private int missedPongs;

		/** Set once listeners fell behind with the inbound policy FAIL: nothing more is delivered. */
		private volatile boolean overflowed;

		private final long startedAtNanos = WebSocketSession.this.clock.nanoTime();

		private boolean opened;

		/** The first error reported for this attempt, {@code null} if none. */
		private String error;

		/** The first failure reported for this attempt, {@code null} if none. */
		private Failure failure;

		Attempt(URI uri) {
			this.uri = uri;
			this.target = WebSocketUrl.redact(uri.toString(), WebSocketSession.this.options.redactedNames());
		}

		private boolean isCurrent() {
			return WebSocketSession.this.current == this;
		}

		/**
		 * Queues the connect messages before what was buffered, and starts writing them unless nothing waits.
		 */
		private void startOutbox() {
			Outbox outbox = WebSocketSession.this.outbox;
			outbox.startConnection(WebSocketSession.this.host.connectMessages());
			if (!outbox.isEmpty()) {
				WebSocketSession.this.flushing = true;
				WebSocketSession.this.clock.executor().execute(() -> flush(this));
			}
		}

		@Override
		public void opened(Connection openedConnection, String negotiated) {
			synchronized (WebSocketSession.this.lock) {
				if (!isCurrent() || WebSocketSession.this.state != State.Connecting) {
					openedConnection.abandon();
					return;
				}
				WebSocketSession.this.negotiatedSubProtocol = negotiated;
				WebSocketSession.this.negotiatedExtensions = List.copyOf(openedConnection.extensions());
				WebSocketSession.this.openedAtNanos = WebSocketSession.this.clock.nanoTime();
				WebSocketSession.this.lastConnectedAt = Instant.now();
				WebSocketSession.this.statistics.connectSuccesses.increment();
				WebSocketSession.this.statistics.connectNanos
					.add(WebSocketSession.this.openedAtNanos - this.startedAtNanos);
				this.opened = true;
				WebSocketSession.this.handshakeStatus = 101;
				URI reached = openedConnection.uri();
				WebSocketSession.this.connectedUrl = (reached != null) ? reached.toString() : this.uri.toString();
				setState(State.Open);
				startOutbox();
				if (!WebSocketSession.this.flushing) {
					WebSocketSession.this.sendable = this;
				}
				WebSocketSession.this.host.connected();
				startHeartbeat();
			}
		}

		@Override
		public void textReceived(String message, long encodedLength) {
			if (this.overflowed) {
				return;
			}
			WebSocketSession.this.statistics.textMessagesReceived.increment();
			WebSocketSession.this.statistics.textBytesReceived.add(encodedLength);
			long size = 2L * message.length();
			if (admit(size)) {
				deliver(() -> {
					if (isCurrent()) {
						WebSocketSession.this.host.textReceived(message, () -> release(size));
					}
					else {
						release(size);
					}
				});
			}
		}

		@Override
		public void binaryReceived(byte[] message) {
			if (this.overflowed) {
				return;
			}
			WebSocketSession.this.statistics.binaryMessagesReceived.increment();
			WebSocketSession.this.statistics.binaryBytesReceived.add(message.length);
			long size = message.length;
			if (admit(size)) {
				deliver(() -> {
					if (isCurrent()) {
						WebSocketSession.this.host.binaryReceived(message, () -> release(size));
					}
					else {
						release(size);
					}
				});
			}
		}

		/**
		 * Queues the signals of a received message under the lock; with inline delivery, the host then runs them
		 * on this transport thread, after the lock is released so that no listener runs while it is held.
		 */
		private void deliver(Runnable emitUnderLock) {
			WebSocketSession.this.host.deliver(() -> {
				synchronized (WebSocketSession.this.lock) {
					emitUnderLock.run();
				}
			}, WebSocketSession.this.options.inlineDelivery());
		}

		/**
		 * Waits, outside the lock, until listeners have room for a message (BLOCK; only on a thread that may wait,
		 * since an event loop's reads are gated by the transport instead), or fails the connection (FAIL).
		 */
		private boolean admit(long size) {
			if (WebSocketSession.this.inbound.admit(size, WebSocketSession.this.connector.mayWait())) {
				return true;
			}
			synchronized (WebSocketSession.this.lock) {
				if (isCurrent() && WebSocketSession.this.state == State.Open && !this.overflowed) {
					this.overflowed = true;
					InboundLimits limits = WebSocketSession.this.options.inbound();
					report(Failure.socket(IpSocketError.SocketResourceError, "Listeners of " + this.target
							+ " fell behind: more than " + limits.maxMessages() + " messages or " + limits.maxBytes()
							+ " bytes waiting; closed with 1008 as the inbound policy FAIL says"));
					beginClose(Rfc6455.CLOSE_POLICY_VIOLATION, "Client could not keep up");
				}
			}
			return false;
		}

		private void release(long size) {
			WebSocketSession.this.inbound.release(size);
		}

		@Override
		public void pongReceived(byte[] payload) {
			boolean heartbeat = payload.length == HEARTBEAT_PAYLOAD && payload[0] == HEARTBEAT_TAG;
			long roundTrip = 0;
			if (heartbeat) {
				long sent = ByteBuffer.wrap(payload, 1, Long.BYTES).getLong();
				roundTrip = WebSocketSession.this.clock.nanoTime() - sent;
				WebSocketSession.this.lastRoundTripNanos = roundTrip;
				this.lastPongFor = sent;
			}
			synchronized (WebSocketSession.this.lock) {
				this.missedPongs = 0;
			}
			if (this.overflowed) {
				return;
			}
			long size = payload.length;
			Duration measured = heartbeat ? Duration.ofNanos(roundTrip) : null;
			if (admit(size)) {
				deliver(() -> {
					if (isCurrent()) {
						WebSocketSession.this.host.pongReceived(payload, () -> release(size));
						if (measured != null) {
							WebSocketSession.this.host.roundTripMeasured(measured);
						}
					}
					else {
						release(size);
					}
				});
			}
		}

		/**
		 * Answers the server's close frame once the listeners of the messages before it have run (they run on the
		 * object's event context, in order), so that what they send in reply leaves before the answer.
		 */
		@Override
		public void closeReceived(int code, String reason) {
			Connection answering = this.connection;
			WebSocketSession.this.host.afterDelivered(answering::answerClose);
		}

		/**
		 * Reports the violation at once, so that its error is there before anything the listeners of earlier
		 * messages do, and fails the connection once those listeners have run.
		 */
		@Override
		public void protocolViolated(int closeCode, String description) {
			synchronized (WebSocketSession.this.lock) {
				if (isCurrent() && WebSocketSession.this.state != State.Closed) {
					report(Failure.socket((closeCode == Rfc6455.CLOSE_TOO_BIG) ? IpSocketError.DatagramTooLargeError
							: IpSocketError.NetworkError,
							description + " (" + this.target + "); the connection was failed with " + closeCode));
				}
			}
			Connection failing = this.connection;
			WebSocketSession.this.host.afterDelivered(failing::fail);
		}

		@Override
		public void closed(int code, String reason) {
			synchronized (WebSocketSession.this.lock) {
				if (!isCurrent()) {
					return;
				}
				recordClose(code, reason);
				// An end that follows an error of this connection (a TLS failure, a violation) is its consequence:
				// the error that caused it stays the one reported.
				if (WebSocketSession.this.state == State.Open && code == Rfc6455.CLOSE_ABNORMAL && this.error == null) {
					report(Failure.socket(IpSocketError.RemoteHostClosedError,
							"The connection to " + this.target + " was closed without a close handshake"));
				}
				finishClosed();
			}
		}

		private void recordClose(int code, String reason) {
			WebSocketSession.this.closeCode = code;
			WebSocketSession.this.closeReason = (reason != null) ? reason : "";
		}

		@Override
		public void failed(Throwable failure) {
			synchronized (WebSocketSession.this.lock) {
				if (!isCurrent()) {
					return;
				}
				report(WebSocketSession.this.connector.classify(failure, this.uri));
				if (WebSocketSession.this.state == State.Connecting) {
					finishClosed();
				}
			}
		}

		private void report(Failure failure) {
			if (this.error == null) {
				this.error = failure.message();
				this.failure = failure;
			}
			if (failure.httpStatus() != 0) {
				WebSocketSession.this.handshakeStatus = failure.httpStatus();
			}
			WebSocketSession.this.host.failed(failure);
		}

		/**
		 * Says why this attempt or its connection ended: its first error, else its close code and reason.
		 */
		String endCause() {
			if (this.error != null) {
				return this.error;
			}
			String reason = WebSocketSession.this.closeReason;
			return "closed with " + WebSocketSession.this.closeCode + (reason.isEmpty() ? "" : " " + reason);
		}

		/**
		 * Starts the close handshake; the state is {@code Closing} until the server answered, TCP ended or the
		 * close timeout passed.
		 */
		void beginClose(int code, String reason) {
			setState(State.Closing);
			stopHeartbeat();
			Connection closing = this.connection;
			WebSocketSession.this.clock.executor().execute(() -> closing.close(code, reason));
		}

		private void startHeartbeat() {
			Heartbeat settings = WebSocketSession.this.options.heartbeat();
			if (settings != null) {
				this.nextPing = WebSocketSession.this.clock.timers()
					.schedule(() -> WebSocketSession.this.clock.executor().execute(this::ping), settings.interval());
			}
		}

		/**
		 * Sends a ping that carries the clock's time, schedules the next one an interval later and the check for
		 * this one's pong at the heartbeat timeout.
		 */
		private void ping() {
			long sent;
			synchronized (WebSocketSession.this.lock) {
				if (!isCurrent() || WebSocketSession.this.state != State.Open) {
					return;
				}
				Heartbeat settings = WebSocketSession.this.options.heartbeat();
				sent = WebSocketSession.this.clock.nanoTime();
				this.nextPing = WebSocketSession.this.clock.timers()
					.schedule(() -> WebSocketSession.this.clock.executor().execute(this::ping), settings.interval());
				this.pongChecks.add(WebSocketSession.this.clock.timers().schedule(() -> checkPong(sent), settings.timeout()));
			}
			try {
				this.connection.sendPing(
						ByteBuffer.allocate(HEARTBEAT_PAYLOAD).put(HEARTBEAT_TAG).putLong(sent).array());
			}
			catch (IOException | RuntimeException ex) {
				failed(ex);
			}
		}

		/**
		 * Counts a ping whose pong did not come within the timeout; {@code maxMissed} of them in a row drop the
		 * connection. A pong for this ping or a later one ends the run.
		 */
		private void checkPong(long sent) {
			synchronized (WebSocketSession.this.lock) {
				this.pongChecks.poll();
				if (!isCurrent() || WebSocketSession.this.state != State.Open) {
					return;
				}
				if (this.lastPongFor - sent >= 0) {
					return;
				}
				Heartbeat settings = WebSocketSession.this.options.heartbeat();
				if (++this.missedPongs < settings.maxMissed()) {
					return;
				}
				report(Failure.socket(IpSocketError.SocketTimeoutError, "No pong from " + this.target + " for "
						+ settings.maxMissed() + ((settings.maxMissed() == 1) ? " ping" : " pings in a row")
						+ " within " + settings.timeout().toMillis()
						+ " ms each; the connection is considered dead and was dropped"));
				recordClose(Rfc6455.CLOSE_ABNORMAL, "Heartbeat timeout");
				finishClosed();
				Connection dropped = this.connection;
				WebSocketSession.this.clock.executor()
					.execute(() -> dropped.terminate(Rfc6455.CLOSE_GOING_AWAY, "Heartbeat timeout"));
			}
		}

		void stopHeartbeat() {
			if (this.nextPing != null) {
				this.nextPing.cancel();
				this.nextPing = null;
			}
			this.pongChecks.forEach(Timers.Timer::cancel);
			this.pongChecks.clear();
		}

	}

	/**
	 * Where a session's time comes from: a clock, timers, a thread for work that must not run under the lock, and
	 * the randomness of the backoff's jitter. Tests replace it to run timers without waiting.
	 *
	 * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()}
	 * @param timers the timers
	 * @param executor runs blocking work off the caller's thread
	 * @param random numbers in [0, 1) for the jitter
	 */
	public record Clock(LongSupplier nanoClock, Timers timers, Executor executor, DoubleSupplier random) {

		long nanoTime() {
			return this.nanoClock.getAsLong();
		}

	}

	/**
	 * The facade a session reports to: it holds the properties and signals. Every method but {@link #deliver} and
	 * {@link #afterDelivered} is called under the {@link #lock()}.
	 */
	public interface Host {

		/**
		 * The lock that guards the object's state; transitions and signals happen under it.
		 * @return the lock
		 */
		Object lock();

		/**
		 * The URL to connect to.
		 * @return the URL property's value
		 */
		String url();

		/**
		 * The subprotocol to request.
		 * @return the subprotocol, {@code ""} for none
		 */
		String subProtocol();

		/**
		 * Whether to connect automatically.
		 * @return the {@code autoConnect} property
		 */
		boolean isAutoConnect();

		/**
		 * Whether the device is open, which keeps the connection wanted.
		 * @return whether it is
		 */
		boolean isDeviceOpen();

		/**
		 * Whether the object completed.
		 * @return whether it did
		 */
		boolean isCompleted();

		/**
		 * The state changed; the host sets its property.
		 * @param state the new state
		 */
		void stateChanged(State state);

		/** The connection opened. */
		void connected();

		/** The state returned to {@code Closed}. */
		void disconnected();

		/**
		 * An error occurred.
		 * @param failure what to report
		 */
		void failed(Failure failure);

		/**
		 * A send was refused because the state was not {@code Open}.
		 * @param state the state
		 */
		void notOpen(State state);

		/**
		 * The reconnect policy scheduled an attempt.
		 * @param scheduled the attempt, its delay and cause
		 */
		void reconnectScheduled(ReconnectScheduled scheduled);

		/**
		 * Reconnecting stopped.
		 * @param gaveUp the attempts made and why
		 */
		void reconnectGaveUp(ReconnectGaveUp gaveUp);

		/**
		 * Emits a pong, of the heartbeat or of the application's ping, or one the server sent unasked. Pongs count
		 * towards the inbound limits as messages do, so a server that floods them cannot make the queue of
		 * listeners that fall behind grow.
		 * @param payload its payload
		 * @param afterDelivery to run once every listener has run
		 */
		void pongReceived(byte[] payload, Runnable afterDelivery);

		/**
		 * A heartbeat pong arrived.
		 * @param roundTrip its round-trip time
		 */
		void roundTripMeasured(Duration roundTrip);

		/**
		 * Computes the messages to send first on a connection that has just opened.
		 * @return the messages, in order
		 */
		List<String> connectMessages();

		/**
		 * Emits a received text message.
		 * @param message the text
		 * @param afterDelivery to run once every listener has run
		 */
		void textReceived(String message, Runnable afterDelivery);

		/**
		 * Appends a received binary message to the read stream and emits it.
		 * @param message the payload
		 * @param afterDelivery to run once every listener has run
		 */
		void binaryReceived(byte[] message, Runnable afterDelivery);

		/**
		 * Runs the emission of a received message: queued on the object's event context, and with inline delivery
		 * drained on this thread.
		 * @param emission queues the signals
		 * @param inline whether to deliver on this thread
		 */
		void deliver(Runnable emission, boolean inline);

		/**
		 * Runs a task on the object's event context, after every signal queued so far.
		 * @param task the task
		 */
		void afterDelivered(Runnable task);

		/**
		 * Describes the object for log messages.
		 * @return the description
		 */
		String describe();

	}

}
