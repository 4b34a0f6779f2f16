package io.incore.websocket.boot.springws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketOptions;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.AbstractWebSocketClient;

/**
 * A Spring {@link org.springframework.web.socket.client.WebSocketClient} whose connections are InCore
 * {@link WebSocket}s: this library's transport, TLS settings, proxy, limits and metrics behind Spring's
 * {@code WebSocketHandler}, {@code WebSocketConnectionManager} and {@code WebSocketStompClient}.
 * <p>
 * Two kinds, one per constructor:
 * <ul>
 * <li>{@linkplain #IncoreWebSocketClient(WebSocketOptions) With options}: every {@code execute} opens a new
 * connection with those options and the handshake headers given, and nothing reconnects it, as Spring's clients
 * behave. The connection is released when it ends.</li>
 * <li>{@linkplain #attachedTo(WebSocket) Attached to a client}: {@code execute} uses that one client (e.g. a
 * configured {@code incore.websocket.clients.<name>}), with its own settings, reconnect policy, health and
 * metrics. It waits for the client's own connection (the client decides when it connects: at start-up, when its
 * instance owns it, ...), and the session ends with that connection; the next {@code execute} takes the next connection after a reconnect.</li>
 * </ul>
 * The handler's callbacks run on the client's event context: in order, never concurrently. Extensions are those of
 * the options' compression settings: a request for any other is refused with an {@link IllegalArgumentException}.
 */
public class IncoreWebSocketClient extends AbstractWebSocketClient {

	private final WebSocketOptions options;

	private final WebSocket attached;

	/**
	 * Creates a client that opens a new connection per {@code execute}.
	 * @param options the settings of every connection; their reconnect policy is not used
	 */
	public IncoreWebSocketClient(WebSocketOptions options) {
		this.options = Objects.requireNonNull(options, "options");
		this.attached = null;
	}

	private IncoreWebSocketClient(WebSocket attached) {
		this.options = attached.getOptions();
		this.attached = attached;
	}

	/**
	 * Creates a client whose sessions are the connections of one InCore WebSocket.
	 * @param socket the WebSocket; its URL must be the one given to {@code execute}
	 * @return the client
	 */
	public static IncoreWebSocketClient attachedTo(WebSocket socket) {
		return new IncoreWebSocketClient(Objects.requireNonNull(socket, "socket"));
	}

	/**
	 * Returns the settings of the connections this client opens.
	 * @return the options
	 */
	public WebSocketOptions getOptions() {
		return this.options;
	}

	@Override
	protected CompletableFuture<WebSocketSession> executeInternal(WebSocketHandler handler, HttpHeaders headers,
			URI uri, List<String> subProtocols, List<WebSocketExtension> extensions, Map<String, Object> attributes) {
		requireOffered(extensions);
		WebSocket socket = (this.attached != null) ? attachedSocket(headers, uri) : newSocket(headers, uri);
		if (!subProtocols.isEmpty() && (this.attached == null || socket.getSubProtocol().isEmpty())) {
			socket.setSubProtocol(String.join(", ", subProtocols));
		}
		IncoreWebSocketSession session = new IncoreWebSocketSession(socket, uri, headers, attributes, handler,
				this.attached == null);
		return session.start();
	}

	/**
	 * Refuses extensions the options do not offer. The only extension this client negotiates is permessage-deflate,
	 * offered with the parameters of the options' compression settings whenever compression is on; asking for
	 * it then changes nothing, and asking for anything else would otherwise be ignored without a word.
	 */
	private void requireOffered(List<WebSocketExtension> extensions) {
		boolean deflate = this.options.compression().enabled();
		List<String> unoffered = extensions.stream()
			.map(WebSocketExtension::getName)
			.filter((name) -> !(deflate && name.equalsIgnoreCase("permessage-deflate")))
			.toList();
		if (!unoffered.isEmpty()) {
			throw new IllegalArgumentException("This client cannot offer the extensions " + unoffered + ": it offers "
					+ (deflate ? "only permessage-deflate" : "none, since compression is off")
					+ ", with the parameters of its compression settings");
		}
	}

	private WebSocket newSocket(HttpHeaders headers, URI uri) {
		WebSocketOptions.Builder options = this.options.toBuilder();
		headers.forEach((name, values) -> options.header(name, String.join(", ", values)));
		WebSocket socket = new WebSocket(null, options.build());
		socket.setAutoConnect(false);
		socket.setUrl(uri.toString());
		return socket;
	}

	private WebSocket attachedSocket(HttpHeaders headers, URI uri) {
		if (!headers.isEmpty()) {
			throw new IllegalArgumentException("A client attached to a configured WebSocket sends that WebSocket's "
					+ "handshake headers; set " + headers.headerNames() + " in its headers settings instead");
		}
		if (!URI.create(this.attached.getUrl()).equals(uri)) {
			throw new IllegalArgumentException("A client attached to the WebSocket of " + this.attached.getRedactedUrl()
					+ " connects only there");
		}
		return this.attached;
	}

}
