package io.incore.websocket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.incore.websocket.internal.concurrent.EventContext;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.Failure;
import io.incore.websocket.internal.session.Timers;
import io.incore.websocket.internal.session.WebSocketSession;
import io.incore.websocket.internal.transport.TyrusConnector;

/**
 * The InCore {@code WebSocket}: a client of a WebSocket (RFC 6455) server.
 * <p>
 * This class is the facade: it holds the properties and signals of the InCore object and delegates the connection
 * life (state machine, attempts, reconnects, heartbeat, the close handshake's order) to an internal session. The
 * protocol after the opening handshake is the library's own frame engine; Tyrus runs the opening handshake.
 * <p>
 * It can be used in two ways, also together. <b>Message mode:</b> set {@code url}, rely on {@code autoConnect}
 * (or call {@link #connectToHost()}), send with {@link #sendTextMessage(String)} and
 * {@link #sendBinaryMessage(byte[])}, receive through {@link #textMessageReceived} and
 * {@link #binaryMessageReceived}. <b>IoDevice mode:</b> {@link #open()} connects; every binary message received
 * while open is appended to the read stream ({@code read}, {@code readLine}, ...), and {@link #write(byte[])}
 * sends one binary message. Text messages never enter the read stream.
 * <p>
 * <b>State machine.</b> {@code Closed → Connecting → Open → Closing → Closed}. Every transition sets
 * {@code state}, emits {@code stateChanged()} and then the specific signal: {@link #connected} after
 * {@code Open}, {@link #disconnected} after {@code Closed}. Decision (as Qt): {@code disconnected()} is also
 * emitted when an attempt fails, i.e. whenever the state returns to {@code Closed}. A peer that closes or a
 * broken connection goes from {@code Open} straight to {@code Closed}. A server's close frame, or a protocol error
 * that fails the connection, takes effect after the listeners of the messages received before it have run, so that
 * they can still answer them.
 * <p>
 * <b>Errors</b> are reported in this order: {@code errorString} and {@code error} (their change signals fire only
 * on a change), the specific signal ({@link #sslErrorOccurred}, then {@link #ipSocketErrorOccurred}), then
 * {@link #errorOccurred}, then the state change if the error ended the connection. {@code error} is sticky: a
 * later successful connection does not reset it. Invalid URLs are reported without any connection attempt:
 * empty or malformed → {@link IpSocketError#ConnectionRefusedError}, a scheme other than ws/wss →
 * {@link IpSocketError#UnsupportedSocketOperationError}, no host → {@link IpSocketError#EmptyHostNameError}, a
 * port outside 1–65535 → {@link IpSocketError#PortNumberOutOfRangeError}. Nothing here throws for network
 * reasons.
 * <p>
 * <b>Lifecycle.</b> Nothing connects before {@link #complete()}; then {@code autoOpen} opens the device, or else
 * {@code autoConnect} with a non-empty URL connects. {@link #close()} leaves no socket or timer behind.
 */
public class WebSocket extends IoDevice {

	/** The close code sent by {@link #disconnectFromHost()}: 1000, normal closure. */
	public static final int NORMAL_CLOSURE = 1000;

	/** Emitted when {@code autoConnect} changed. */
	public final Signal autoConnectChanged = new Signal(this, "autoConnectChanged");

	/** Emitted when {@code error} changed. */
	public final Signal errorChanged = new Signal(this, "errorChanged");

	/** Emitted when {@code errorString} changed. */
	public final Signal errorStringChanged = new Signal(this, "errorStringChanged");

	/** Emitted when {@code state} changed. */
	public final Signal stateChanged = new Signal(this, "stateChanged");

	/** Emitted when {@code subProtocol} changed. */
	public final Signal subProtocolChanged = new Signal(this, "subProtocolChanged");

	/** Emitted when {@code url} changed. */
	public final Signal urlChanged = new Signal(this, "urlChanged");

	/**
	 * Emitted when a binary message was received, with its payload. While the device is open the message was
	 * appended to the read stream (and {@code readyRead()} emitted) before this signal. Every listener receives
	 * the same array: do not modify it.
	 */
	public final ValueSignal<byte[]> binaryMessageReceived = new ValueSignal<>(this, "binaryMessageReceived");

	/** Emitted after the connection was established. */
	public final Signal connected = new Signal(this, "connected");

	/** Emitted whenever the state returned to {@code Closed}: after a connection ended or an attempt failed. */
	public final Signal disconnected = new Signal(this, "disconnected");

	/** Emitted for every error, even a repeat of the current {@code error}. */
	public final Signal errorOccurred = new Signal(this, "errorOccurred");

	/** Emitted with the socket-level code of an error; TLS failures also emit {@code SslHandshakeFailedError}. */
	public final ValueSignal<IpSocketError> ipSocketErrorOccurred = new ValueSignal<>(this, "ipSocketErrorOccurred");

	/** Emitted with the reason of a TLS failure, e.g. an untrusted certificate or a host name mismatch. */
	public final ValueSignal<String> sslErrorOccurred = new ValueSignal<>(this, "sslErrorOccurred");

	/** Emitted when a text message was received, with its text. */
	public final ValueSignal<String> textMessageReceived = new ValueSignal<>(this, "textMessageReceived");

	/**
	 * Emitted when the reconnect policy scheduled an attempt, with its number, delay and cause (Java-only), after
	 * the {@code disconnected()} of the connection or attempt that ended.
	 */
	public final ValueSignal<ReconnectScheduled> reconnectScheduled = new ValueSignal<>(this, "reconnectScheduled");

	/**
	 * Emitted when reconnecting stops, with the attempts made and the reason (Java-only): the reconnect policy
	 * allows no further attempt, the connection ended with one of its stop close codes, or the server refused the
	 * handshake with a status a retry will not change; {@link #getGaveUpReason()} keeps the reason.
	 * Only {@link #connectToHost()} or {@link #open()} connects again.
	 */
	public final ValueSignal<ReconnectGaveUp> reconnectGaveUp = new ValueSignal<>(this, "reconnectGaveUp");

	/** Emitted with the round-trip time of every heartbeat pong (Java-only). */
	public final ValueSignal<Duration> heartbeatRoundTrip = new ValueSignal<>(this, "heartbeatRoundTrip");

	/**
	 * Emitted with the payload of every pong received (Java-only): answers to {@link #ping(byte[])}, to the
	 * heartbeat, and unsolicited ones. Do not modify the array.
	 */
	public final ValueSignal<byte[]> pongReceived = new ValueSignal<>(this, "pongReceived");

	private final ObservableProperty<Boolean> autoConnect = new ObservableProperty<>(this, this.autoConnectChanged,
			true);

	private final ObservableProperty<Error> error = new ObservableProperty<>(this, this.errorChanged, Error.NoError);

	private final ObservableProperty<String> errorString = new ObservableProperty<>(this, this.errorStringChanged,
			"");

	private final ObservableProperty<State> state = new ObservableProperty<>(this, this.stateChanged, State.Closed);

	private final ObservableProperty<String> subProtocol = new ObservableProperty<>(this, this.subProtocolChanged,
			"");

	private final ObservableProperty<String> url = new ObservableProperty<>(this, this.urlChanged, "");

	private final WebSocketOptions options;

	private final WebSocketSession session;

	static {
		PropertyBinding.declare(WebSocket.class, "autoConnect", Boolean.class, WebSocket::isAutoConnect,
				(object, value) -> object.setAutoConnect((Boolean) value));
		PropertyBinding.declare(WebSocket.class, "error", Error.class, WebSocket::getError, null);
		PropertyBinding.declare(WebSocket.class, "errorString", String.class, WebSocket::getErrorString, null);
		PropertyBinding.declare(WebSocket.class, "state", State.class, WebSocket::getState, null);
		PropertyBinding.declare(WebSocket.class, "subProtocol", String.class, WebSocket::getSubProtocol,
				(object, value) -> object.setSubProtocol((String) value));
		PropertyBinding.declare(WebSocket.class, "url", String.class, WebSocket::getUrl,
				(object, value) -> object.setUrl((String) value));
	}

	/**
	 * Creates a WebSocket with default options.
	 * @param parent the parent, or {@code null}
	 */
	public WebSocket(InCoreObject parent) {
		this(parent, WebSocketOptions.defaults());
	}

	/**
	 * Creates a WebSocket.
	 * @param parent the parent, or {@code null}
	 * @param options the Java-side settings
	 */
	public WebSocket(InCoreObject parent, WebSocketOptions options) {
		this(parent, options, new WebSocketSession.Clock(System::nanoTime, Timers.on(SharedExecutors.scheduler()),
				SharedExecutors.connector(), () -> ThreadLocalRandom.current().nextDouble()));
	}

	/**
	 * Creates a WebSocket whose timers run on the given clock; for tests that drive time by hand.
	 */
	WebSocket(InCoreObject parent, WebSocketOptions options, WebSocketSession.Clock clock) {
		super(parent);
		this.options = Objects.requireNonNull(options, "options");
		this.session = new WebSocketSession(new SessionHost(), options, new TyrusConnector(options, clock.timers()),
				clock);
		registerSignals(this.autoConnectChanged, this.errorChanged, this.errorStringChanged, this.stateChanged,
				this.subProtocolChanged, this.urlChanged, this.binaryMessageReceived, this.connected,
				this.disconnected, this.errorOccurred, this.ipSocketErrorOccurred, this.sslErrorOccurred,
				this.textMessageReceived, this.reconnectScheduled, this.reconnectGaveUp, this.heartbeatRoundTrip,
				this.pongReceived);
	}

	/**
	 * Returns the options this WebSocket was created with.
	 * @return the options
	 */
	public WebSocketOptions getOptions() {
		return this.options;
	}

	/**
	 * Returns whether the connection is established automatically at completion (and when the property turns
	 * {@code true} on a completed, closed object).
	 * @return the flag, {@code true} by default
	 */
	public boolean isAutoConnect() {
		return this.autoConnect.get();
	}

	/**
	 * Sets whether to connect automatically and to reconnect after failures and after disconnects that were
	 * not requested (see {@link WebSocketOptions#reconnect()}). Turning it on for a completed, closed object
	 * connects; turning it off cancels a pending reconnect but does not close a live connection.
	 * @param autoConnect the flag
	 */
	public void setAutoConnect(boolean autoConnect) {
		synchronized (this.lock) {
			if (this.autoConnect.set(autoConnect)) {
				this.session.autoConnectChanged(autoConnect);
			}
		}
	}

	/**
	 * Returns the most recent error, or {@link Error#NoError} if none occurred.
	 * @return the error
	 */
	public Error getError() {
		return this.error.get();
	}

	/**
	 * Returns the human-readable text of the most recent error, with details such as the URL (secrets
	 * redacted) and the reason.
	 * @return the text, {@code ""} if no error occurred
	 */
	public String getErrorString() {
		return this.errorString.get();
	}

	/**
	 * Returns the connection state.
	 * @return the state, {@link State#Closed} initially
	 */
	public State getState() {
		return this.state.get();
	}

	/**
	 * Requests a state: {@code Open} or {@code Connecting} calls {@link #connectToHost()}, {@code Closed} or
	 * {@code Closing} calls {@link #disconnectFromHost()}. The property then follows the real state, so the
	 * requested value may show only later or not at all (e.g. when connecting fails).
	 * @param state the requested state
	 */
	public void setState(State state) {
		switch (Objects.requireNonNull(state, "state")) {
			case Open, Connecting -> connectToHost();
			case Closed, Closing -> disconnectFromHost();
		}
	}

	/**
	 * Returns the subprotocol requested from the server.
	 * @return the subprotocol, {@code ""} for none
	 */
	public String getSubProtocol() {
		return this.subProtocol.get();
	}

	/**
	 * Sets the subprotocol to request (RFC 6455 section 1.9). Takes effect with the next connection. Decision: as
	 * the {@code Sec-WebSocket-Protocol} header, the value may list several names separated by commas, in order of
	 * preference ({@code "v12.stomp, v11.stomp"}). A server that selects none is accepted; one that selects a
	 * subprotocol that was not requested fails the connection with {@link IpSocketError#ConnectionRefusedError}.
	 * @param subProtocol the subprotocol; {@code null} counts as {@code ""}
	 */
	public void setSubProtocol(String subProtocol) {
		this.subProtocol.set((subProtocol != null) ? subProtocol : "");
	}

	/**
	 * Returns the server URL.
	 * @return the URL, {@code ""} initially
	 */
	public String getUrl() {
		return this.url.get();
	}

	/**
	 * Sets the server URL, e.g. {@code ws://ws.example.org:8000} or {@code wss://ws.example.org}. A change while
	 * connecting or connected closes the connection and, if {@code autoConnect} is on or the device is open,
	 * connects to the new URL. On a completed, closed object with {@code autoConnect} a change connects, which is
	 * also how an object stopped by an invalid URL starts again.
	 * @param url the URL; {@code null} counts as {@code ""}
	 */
	public void setUrl(String url) {
		synchronized (this.lock) {
			if (this.url.set((url != null) ? url : "")) {
				this.session.urlChanged();
			}
		}
	}

	/**
	 * Returns the URL fit for logs and displays (Java-only): user info, fragment and the values of credential-like
	 * query parameters replaced by {@code ***} ({@link WebSocketUrl#redact(String, java.util.Set)}, with the
	 * options' {@link WebSocketOptions#redactedNames()}).
	 * @return the redacted URL
	 */
	public String getRedactedUrl() {
		return WebSocketUrl.redact(getUrl(), this.options.redactedNames());
	}

	/**
	 * Returns the subprotocol the server selected for the current or last connection (Java-only; InCore has no
	 * such property).
	 * @return the subprotocol, {@code ""} if none was selected
	 */
	public String getNegotiatedSubProtocol() {
		return this.session.negotiatedSubProtocol();
	}

	/**
	 * Returns the extensions the server agreed to for the current or last connection (Java-only), each as the
	 * {@code Sec-WebSocket-Extensions} header names it with its parameters, e.g.
	 * {@code permessage-deflate; server_no_context_takeover}. Only permessage-deflate is ever offered
	 * ({@link WebSocketOptions#compression()}).
	 * @return the extensions, empty if none is in use or no connection opened yet
	 */
	public List<String> getNegotiatedExtensions() {
		return this.session.negotiatedExtensions();
	}

	/**
	 * Returns the close code of the last connection that ended (Java-only), e.g. 1000 or 1001 from the server,
	 * 1006 when it broke without a close handshake.
	 * @return the code, -1 if no connection has ended yet
	 */
	public int getCloseCode() {
		return this.session.closeCode();
	}

	/**
	 * Returns the close reason that came with {@link #getCloseCode()} (Java-only).
	 * @return the reason, {@code ""} if none
	 */
	public String getCloseReason() {
		return this.session.closeReason();
	}

	/**
	 * Returns the URL the current or last connection reached (Java-only): {@code url}, or where the server's
	 * redirects (at most {@link WebSocketOptions#maxRedirects()}, never from {@code wss://} to {@code ws://}) led.
	 * @return the URL, {@code ""} before any connection opened
	 */
	public String getConnectedUrl() {
		return this.session.connectedUrl();
	}

	/**
	 * Returns the HTTP status of the last opening handshake that got an answer (Java-only): 101 when it opened, or
	 * the status the server refused it with (401, 403, 404, 429, 503, ...). A refusal is reported as
	 * {@link IpSocketError#ConnectionRefusedError}, as Qt does, with the status in {@code errorString}. A 4xx other
	 * than the policy's {@link ReconnectPolicy#retryOnHttpStatuses()} (408 and 429 by default) is not retried (a
	 * retry would get the same answer); a {@code Retry-After} of a 429 or 503 sets the next reconnect delay, at
	 * most the policy's {@code maxDelay}.
	 * @return the status, 0 before any answer
	 */
	public int getHandshakeStatus() {
		return this.session.handshakeStatus();
	}

	/**
	 * Returns why reconnecting stopped (Java-only): the reconnect policy's attempt limit was reached, or a
	 * connection ended with one of its {@link ReconnectPolicy#stopOnCloseCodes() stop close codes}, e.g.
	 * {@code "gave up: closed with 1008 policy violation, which a reconnect will not fix"}.
	 * @return the reason, empty while reconnecting has not stopped, and again after {@link #connectToHost()} or
	 * {@link #open()}
	 */
	public Optional<String> getGaveUpReason() {
		return this.session.gaveUpReason();
	}

	/**
	 * Returns the number of consecutive reconnect attempts since the last stable connection (Java-only).
	 * @return the count, 0 when none was needed
	 */
	public int getReconnectAttempts() {
		return this.session.reconnectAttempts();
	}

	/**
	 * Returns the round-trip time of the last heartbeat ping (Java-only).
	 * @return the time, empty if no pong was received yet or the heartbeat is off
	 */
	public Optional<Duration> getLastRoundTripTime() {
		return this.session.lastRoundTripTime();
	}

	/**
	 * Returns the traffic and connection counters since this object was created (Java-only).
	 * @return a snapshot
	 */
	public WebSocketStatistics getStatistics() {
		return this.session.statistics();
	}

	/**
	 * Returns when the last connection reached {@code Open} (Java-only).
	 * @return the instant, empty if never
	 */
	public Optional<Instant> getLastConnectedAt() {
		return this.session.lastConnectedAt();
	}

	/**
	 * Tells whether this object is meant to be connected (Java-only): a connection was requested (by
	 * {@code connectToHost()}, {@code open()}, {@code autoConnect} or a URL change) and not ended by
	 * {@code disconnectFromHost()} or {@code close()} since. Health checks use it to tell a broken connection from
	 * one closed on purpose.
	 * @return whether a connection is wanted
	 */
	public boolean isConnectionWanted() {
		return this.session.isConnectionWanted();
	}

	/**
	 * Returns the number of messages sent while the connection was re-established that wait for it (Java-only;
	 * see {@link SendBuffer}).
	 * @return the backlog, 0 without a send buffer
	 */
	public int getSendBufferDepth() {
		return this.session.sendBufferDepth();
	}

	/**
	 * Returns the number of received messages (pongs among them) waiting for listeners (Java-only).
	 * @return the queue depth
	 */
	public int getInboundQueueDepth() {
		return this.session.inboundDepth();
	}

	/**
	 * Starts connecting to {@code url}; asynchronous. Does nothing while already connecting or connected; while
	 * closing, connects once the connection is closed. An invalid URL is reported as an error, without an
	 * attempt.
	 */
	public void connectToHost() {
		this.session.connect();
	}

	/**
	 * Disconnects from the server: sends close code 1000 and waits at most the close timeout for the server's
	 * answer, then drops the connection; the state is {@code Closing} meanwhile. An attempt still connecting is
	 * abandoned at once. No reconnect follows until {@link #connectToHost()} or {@link #open()}.
	 */
	public void disconnectFromHost() {
		disconnectFromHost(NORMAL_CLOSURE, "");
	}

	/**
	 * Disconnects as {@link #disconnectFromHost()} does, with another close code (Java-only), e.g. 1001 Going Away
	 * when the application shuts down.
	 * @param code the close code, 1000 to 4999
	 * @param reason the close reason, at most 123 UTF-8 bytes
	 */
	public void disconnectFromHost(int code, String reason) {
		if (code < 1000 || code > 4999) {
			throw new IllegalArgumentException("Close code must be between 1000 and 4999 but was " + code);
		}
		this.session.disconnect(code, Objects.requireNonNull(reason));
	}

	/**
	 * Waits until the state is {@code Closed} (Java-only).
	 * @param timeout the longest wait
	 * @return whether the state is {@code Closed}
	 */
	public boolean awaitClosed(Duration timeout) {
		return this.session.awaitClosed(timeout);
	}

	/**
	 * Sends a text message. Returns once the transport accepted it: at once while the connection's outbound buffer
	 * has room (at most 64 KiB wait there) or when it was held to leave together with the messages sent right after
	 * it ({@link WebSocketOptions#coalesceSends()}), else once it is written to the socket, so a server that reads
	 * slowly holds the sender up. A message that cannot be written after its send returned is reported through
	 * {@code errorOccurred}.
	 * @param message the text
	 * <p>
	 * While the connection is re-established (connecting, or closed with a reconnect scheduled) and a
	 * {@link WebSocketOptions#sendBuffer() send buffer} is configured, the message is buffered and leaves on the
	 * next {@code Open}, after the {@link WebSocketOptions#connectMessages() connect messages}.
	 * @return the number of UTF-8 bytes handed to the transport or buffered, or -1 if the WebSocket is not open
	 * and the message was not buffered (then {@code error} is {@link Error#NotOpenError}) or the transport failed
	 * (then the error says why)
	 */
	public long sendTextMessage(String message) {
		return this.session.sendText(Objects.requireNonNull(message, "message"));
	}

	/**
	 * Sends a binary message; {@link #write(byte[])} calls it too. Returns as {@link #sendTextMessage(String)}
	 * does.
	 * @param message the payload
	 * @return the number of bytes handed to the transport, or -1 as for {@link #sendTextMessage(String)}
	 */
	public long sendBinaryMessage(byte[] message) {
		return this.session.sendBinary(Objects.requireNonNull(message, "message"));
	}

	/**
	 * Sends a ping (Java-only); the server's pong arrives through {@link #pongReceived}.
	 * @param payload at most 125 bytes
	 * @return whether it was handed to the transport; {@code false} if not open (then {@code error} is
	 * {@link Error#NotOpenError}) or the transport failed
	 * @throws IllegalArgumentException if the payload is longer than 125 bytes
	 */
	public boolean ping(byte[] payload) {
		return this.session.sendControl(false, Objects.requireNonNull(payload, "payload"));
	}

	/**
	 * Sends an unsolicited pong, a one-way heartbeat (Java-only; RFC 6455 section 5.5.3). Pings of the server are
	 * answered without it.
	 * @param payload at most 125 bytes
	 * @return whether it was handed to the transport, as for {@link #ping(byte[])}
	 * @throws IllegalArgumentException if the payload is longer than 125 bytes
	 */
	public boolean sendPong(byte[] payload) {
		return this.session.sendControl(true, Objects.requireNonNull(payload, "payload"));
	}

	@Override
	void onCompleted() {
		if (isAutoOpen()) {
			open();
		}
		else if (isAutoConnect() && !getUrl().isEmpty()) {
			connectToHost();
		}
	}

	/**
	 * Decision: {@code open()} returns {@code true} when a connection attempt was started or one is already
	 * under way, {@code false} when the URL is invalid (reported as for {@link #connectToHost()} and in
	 * {@code deviceErrorString}). {@code isOpen} then stays {@code true} across disconnects until
	 * {@link #close()}.
	 */
	@Override
	boolean openDevice() {
		if (this.session.open()) {
			return true;
		}
		reportDeviceError("open() failed: " + getErrorString());
		return false;
	}

	@Override
	void closeDevice() {
		disconnectFromHost();
	}

	@Override
	long writeDevice(byte[] data) {
		return sendBinaryMessage(data);
	}

	/**
	 * Decision: on a WebSocket {@code append}, {@code truncate} and {@code unbuffered} have no meaning, so changing
	 * them does not drop the connection; changing {@code readOnly} does close the device, as InCore documents.
	 */
	@Override
	boolean closesOnModeChange(String property) {
		return "readOnly".equals(property);
	}

	@Override
	long readBufferCapacity() {
		return this.options.readBufferCapacity();
	}

	@Override
	String describe() {
		return super.describe() + " " + getRedactedUrl();
	}

	private void reportError(Error newError, String text, IpSocketError socketError, String sslReason) {
		synchronized (this.lock) {
			this.errorString.set(text);
			this.error.set(newError);
			if (sslReason != null) {
				this.sslErrorOccurred.emit(sslReason);
			}
			if (socketError != null) {
				this.ipSocketErrorOccurred.emit(socketError);
			}
			this.errorOccurred.emit();
		}
	}

	/**
	 * What the session tells this object: it sets the properties and emits the signals, under the object's lock.
	 */
	private final class SessionHost implements WebSocketSession.Host {

		@Override
		public Object lock() {
			return WebSocket.this.lock;
		}

		@Override
		public String url() {
			return getUrl();
		}

		@Override
		public String subProtocol() {
			return getSubProtocol();
		}

		@Override
		public boolean isAutoConnect() {
			return WebSocket.this.isAutoConnect();
		}

		@Override
		public boolean isDeviceOpen() {
			return isOpen();
		}

		@Override
		public boolean isCompleted() {
			return WebSocket.this.isCompleted();
		}

		@Override
		public void stateChanged(State newState) {
			WebSocket.this.state.set(newState);
		}

		@Override
		public void connected() {
			WebSocket.this.connected.emit();
		}

		@Override
		public void disconnected() {
			WebSocket.this.disconnected.emit();
		}

		@Override
		public void failed(Failure failure) {
			reportError(failure.error(), failure.message(), failure.socketError(), failure.sslReason());
		}

		@Override
		public void notOpen(State current) {
			reportError(Error.NotOpenError, "Cannot send: the WebSocket is not open (state " + current
					+ "); wait for connected() or check state", null, null);
		}

		@Override
		public void reconnectScheduled(ReconnectScheduled scheduled) {
			WebSocket.this.reconnectScheduled.emit(scheduled);
		}

		@Override
		public void reconnectGaveUp(ReconnectGaveUp gaveUp) {
			WebSocket.this.reconnectGaveUp.emit(gaveUp);
		}

		@Override
		public void pongReceived(byte[] payload, Runnable afterDelivery) {
			WebSocket.this.pongReceived.emit(payload, afterDelivery);
		}

		@Override
		public void roundTripMeasured(Duration roundTrip) {
			WebSocket.this.heartbeatRoundTrip.emit(roundTrip);
		}

		@Override
		public List<String> connectMessages() {
			return WebSocket.this.options.connectMessages().messages(WebSocket.this);
		}

		@Override
		public void textReceived(String message, Runnable afterDelivery) {
			WebSocket.this.textMessageReceived.emit(message, afterDelivery);
		}

		@Override
		public void binaryReceived(byte[] message, Runnable afterDelivery) {
			appendReceived(message);
			WebSocket.this.binaryMessageReceived.emit(message, afterDelivery);
		}

		@Override
		public void deliver(Runnable emission, boolean inline) {
			if (!inline) {
				emission.run();
				return;
			}
			EventContext.deferringDrains(emission);
			eventContext().drainHere();
		}

		@Override
		public void afterDelivered(Runnable task) {
			eventContext().execute(task);
		}

		@Override
		public String describe() {
			return WebSocket.this.describe();
		}

	}

	/**
	 * The errors a WebSocket reports in {@code error}, with their InCore values.
	 */
	public enum Error implements InCoreEnum {

		/** No error occurred or was detected. */
		NoError(0),
		/** A socket-level error; {@link WebSocket#ipSocketErrorOccurred} tells which. */
		IpSocketError(1),
		/** A message could not be sent because the socket is not open. */
		NotOpenError(2),
		/** Establishing TLS failed; {@link WebSocket#sslErrorOccurred} tells why. */
		SslError(3);

		private final int value;

		Error(int value) {
			this.value = value;
		}

		@Override
		public int value() {
			return this.value;
		}

		/**
		 * Returns the error with the given numeric value.
		 * @param value the value
		 * @return the error
		 */
		public static Error fromValue(int value) {
			return InCoreEnum.fromValue(Error.class, value);
		}

	}

	/**
	 * The states of a WebSocket, with their InCore values.
	 */
	public enum State implements InCoreEnum {

		/** Establishing the connection (TCP, TLS, HTTP upgrade). */
		Connecting(0),
		/** Established; messages can flow. */
		Open(1),
		/** Closing; data may still be waiting to be written. */
		Closing(2),
		/** Not connected. */
		Closed(3);

		private final int value;

		State(int value) {
			this.value = value;
		}

		@Override
		public int value() {
			return this.value;
		}

		/**
		 * Returns the state with the given numeric value.
		 * @param value the value
		 * @return the state
		 */
		public static State fromValue(int value) {
			return InCoreEnum.fromValue(State.class, value);
		}

	}

}
