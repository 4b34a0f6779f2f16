package io.incore.websocket.boot.springws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.incore.websocket.SignalConnection;
import io.incore.websocket.WebSocket;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.socket.handler.ExceptionWebSocketHandlerDecorator;

/**
 * One connection of an InCore {@link WebSocket} as a Spring {@link WebSocketSession}, driving a
 * {@link WebSocketHandler} from the WebSocket's signals. Every callback runs under this session's lock, so that
 * the handler sees the connection established before its first message even when the session attaches to a
 * connection that is already open.
 */
final class IncoreWebSocketSession extends AbstractWebSocketSession<WebSocket> {

	private final String id = idGenerator.generateId().toString();

	private final URI uri;

	private final HttpHeaders handshakeHeaders;

	private final WebSocketHandler handler;

	private final boolean ownsSocket;

	private final CompletableFuture<WebSocketSession> established = new CompletableFuture<>();

	private final List<SignalConnection> listening = new ArrayList<>();

	private boolean connected;

	private volatile boolean ended;

	private String lastError = "";

	private int textMessageSizeLimit;

	private int binaryMessageSizeLimit;

	IncoreWebSocketSession(WebSocket socket, URI uri, HttpHeaders handshakeHeaders, Map<String, Object> attributes,
			WebSocketHandler handler, boolean ownsSocket) {
		super(attributes);
		initializeNativeSession(socket);
		this.uri = uri;
		this.handshakeHeaders = HttpHeaders.readOnlyHttpHeaders(handshakeHeaders);
		this.handler = handler;
		this.ownsSocket = ownsSocket;
		int limit = (int) Math.min(Integer.MAX_VALUE, socket.getOptions().maxMessageSize());
		this.textMessageSizeLimit = limit;
		this.binaryMessageSizeLimit = limit;
	}

	/**
	 * Listens to the WebSocket and connects it if needed.
	 * @return completed with this session once the connection is open
	 */
	CompletableFuture<WebSocketSession> start() {
		WebSocket socket = getNativeSession();
		this.listening.add(socket.connected.connect(this::connected));
		this.listening.add(socket.textMessageReceived.connect((text) -> received(new TextMessage(text), text.length(),
				this.textMessageSizeLimit)));
		this.listening.add(socket.binaryMessageReceived.connect((bytes) -> received(
				new BinaryMessage(ByteBuffer.wrap(bytes)), bytes.length, this.binaryMessageSizeLimit)));
		this.listening.add(socket.pongReceived.connect((payload) -> received(new PongMessage(ByteBuffer.wrap(payload)),
				0, Integer.MAX_VALUE)));
		this.listening.add(socket.errorOccurred.connect(this::errorOccurred));
		this.listening.add(socket.disconnected.connect(this::disconnected));
		this.listening.add(socket.reconnectGaveUp.connect((attempts) -> gaveUp()));
		if (socket.getState() == WebSocket.State.Open) {
			connected();
		}
		else if (this.ownsSocket) {
			socket.connectToHost();
		}
		return this.established;
	}

	private synchronized void connected() {
		if (this.connected || this.ended) {
			return;
		}
		this.connected = true;
		this.established.complete(this);
		try {
			this.handler.afterConnectionEstablished(this);
		}
		catch (Exception ex) {
			ExceptionWebSocketHandlerDecorator.tryCloseWithError(this, ex, logger);
		}
	}

	private synchronized void received(WebSocketMessage<?> message, int size, int limit) {
		connected();
		if (this.ended) {
			return;
		}
		if (size > limit) {
			closeQuietly(CloseStatus.TOO_BIG_TO_PROCESS.withReason("Message of " + size + " exceeds the limit "
					+ limit));
			return;
		}
		try {
			this.handler.handleMessage(this, message);
		}
		catch (Exception ex) {
			ExceptionWebSocketHandlerDecorator.tryCloseWithError(this, ex, logger);
		}
	}

	/**
	 * A network error: before the connection opened it is kept to fail the attempt, after it goes to the handler.
	 * A refused send is not reported here: the send itself throws.
	 */
	private synchronized void errorOccurred() {
		WebSocket socket = getNativeSession();
		if (this.ended || socket.getError() == WebSocket.Error.NotOpenError) {
			return;
		}
		this.lastError = socket.getErrorString();
		if (this.connected) {
			try {
				this.handler.handleTransportError(this, new IOException(this.lastError));
			}
			catch (Exception ex) {
				ExceptionWebSocketHandlerDecorator.tryCloseWithError(this, ex, logger);
			}
		}
	}

	private synchronized void disconnected() {
		if (this.ended) {
			return;
		}
		if (this.connected) {
			WebSocket socket = getNativeSession();
			int code = socket.getCloseCode();
			String reason = socket.getCloseReason();
			CloseStatus status = (code > 0) ? new CloseStatus(code, reason.isEmpty() ? null : reason)
					: CloseStatus.NO_CLOSE_FRAME;
			end();
			try {
				this.handler.afterConnectionClosed(this, status);
			}
			catch (Exception ex) {
				logger.warn("Unhandled exception after connection closed for " + this, ex);
			}
		}
		else if (this.ownsSocket) {
			end();
			this.established.completeExceptionally(new IOException("Could not connect to "
					+ getNativeSession().getRedactedUrl() + (this.lastError.isEmpty() ? "" : ": " + this.lastError)));
		}
	}

	private synchronized void gaveUp() {
		if (!this.connected && !this.ended) {
			end();
			this.established.completeExceptionally(new IOException("Gave up connecting to "
					+ getNativeSession().getRedactedUrl() + ": " + this.lastError));
		}
	}

	/**
	 * Stops listening and, for a connection of its own, releases the WebSocket.
	 */
	private void end() {
		this.ended = true;
		this.listening.forEach(SignalConnection::disconnect);
		if (this.ownsSocket) {
			getNativeSession().close();
		}
	}

	private void closeQuietly(CloseStatus status) {
		try {
			close(status);
		}
		catch (IOException ex) {
			logger.debug("Could not close " + this, ex);
		}
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public URI getUri() {
		return this.uri;
	}

	@Override
	public HttpHeaders getHandshakeHeaders() {
		return this.handshakeHeaders;
	}

	/**
	 * Returns {@code null}: a client connection has no authenticated user of its own.
	 */
	@Override
	public Principal getPrincipal() {
		return null;
	}

	/**
	 * Returns {@code null}: the transport does not expose the socket's addresses.
	 */
	@Override
	public InetSocketAddress getLocalAddress() {
		return null;
	}

	/**
	 * Returns {@code null}: the transport does not expose the socket's addresses.
	 */
	@Override
	public InetSocketAddress getRemoteAddress() {
		return null;
	}

	@Override
	public String getAcceptedProtocol() {
		String negotiated = getNativeSession().getNegotiatedSubProtocol();
		return negotiated.isEmpty() ? null : negotiated;
	}

	/**
	 * Sets the largest text message handed to the handler, in characters; a larger one closes the session with
	 * 1009. The client's {@code maxMessageSize} still applies first.
	 */
	@Override
	public void setTextMessageSizeLimit(int messageSizeLimit) {
		this.textMessageSizeLimit = messageSizeLimit;
	}

	@Override
	public int getTextMessageSizeLimit() {
		return this.textMessageSizeLimit;
	}

	/**
	 * Sets the largest binary message handed to the handler, in bytes; a larger one closes the session with 1009.
	 * The client's {@code maxMessageSize} still applies first.
	 */
	@Override
	public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		this.binaryMessageSizeLimit = messageSizeLimit;
	}

	@Override
	public int getBinaryMessageSizeLimit() {
		return this.binaryMessageSizeLimit;
	}

	/**
	 * Returns the extensions the server agreed to in the opening handshake, e.g. permessage-deflate with its
	 * parameters.
	 */
	@Override
	public List<WebSocketExtension> getExtensions() {
		return getNativeSession().getNegotiatedExtensions()
			.stream()
			.flatMap((extension) -> WebSocketExtension.parseExtensions(extension).stream())
			.toList();
	}

	@Override
	public boolean isOpen() {
		return this.connected && !this.ended && getNativeSession().getState() == WebSocket.State.Open;
	}

	@Override
	protected void sendTextMessage(TextMessage message) throws IOException {
		requireWhole(message);
		check(getNativeSession().sendTextMessage(message.getPayload()) >= 0);
	}

	@Override
	protected void sendBinaryMessage(BinaryMessage message) throws IOException {
		requireWhole(message);
		check(getNativeSession().sendBinaryMessage(bytes(message.getPayload())) >= 0);
	}

	@Override
	protected void sendPingMessage(PingMessage message) throws IOException {
		check(getNativeSession().ping(bytes(message.getPayload())));
	}

	@Override
	protected void sendPongMessage(PongMessage message) throws IOException {
		check(getNativeSession().sendPong(bytes(message.getPayload())));
	}

	/**
	 * Starts the close handshake with the status' code, or 1000 for a code that may not be sent (1005, 1006,
	 * 1015, or outside 1000 to 4999). Decision: a session attached to a configured client ends only this
	 * connection; a client that is meant to be connected connects again at once (STOMP closes its session after
	 * an ERROR frame, and the client must not stop for that).
	 */
	@Override
	protected void closeInternal(CloseStatus status) {
		int code = status.getCode();
		boolean sendable = code >= 1000 && code <= 4999 && code != 1004 && code != 1005 && code != 1006
				&& code != 1015;
		String reason = (status.getReason() != null) ? status.getReason() : "";
		WebSocket socket = getNativeSession();
		boolean reconnect = !this.ownsSocket && socket.isConnectionWanted();
		socket.disconnectFromHost(sendable ? code : CloseStatus.NORMAL.getCode(), reason);
		if (reconnect) {
			socket.connectToHost();
		}
	}

	private static void requireWhole(WebSocketMessage<?> message) throws IOException {
		if (!message.isLast()) {
			throw new IOException("Partial messages are not supported; send the message whole");
		}
	}

	private void check(boolean sent) throws IOException {
		if (!sent) {
			throw new IOException(getNativeSession().getErrorString());
		}
	}

	private static byte[] bytes(ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.duplicate().get(bytes);
		return bytes;
	}

}
