package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.incore.websocket.Compression;
import io.incore.websocket.HandshakeHeadersProvider;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.frame.PerMessageDeflate;
import io.incore.websocket.internal.frame.Rfc6455;
import io.incore.websocket.internal.session.ConnectionListener;
import io.incore.websocket.internal.session.Connector;
import io.incore.websocket.internal.session.Failure;
import io.incore.websocket.internal.session.ReadGate;
import io.incore.websocket.internal.session.Timers;
import jakarta.websocket.ClientEndpointConfig;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.core.MaskingKeyGenerator;

/**
 * Opens connections for one {@code WebSocket}: the {@link Connector} of its session. Tyrus' {@link ClientManager}
 * runs each opening handshake, in the {@link NettyClientContainer}; connection attempts, which block until the
 * handshake is over, run on the shared connect pool, never on the caller's thread.
 * <p>
 * A Tyrus {@link ClientManager} holds its settings in one mutable map that every connection copies. Managers are
 * therefore never changed after creation, and all WebSockets with the same handshake timeout share one (a manager
 * costs a few kilobytes and a component lookup). TLS, limits and socket options are per connection, in its
 * {@link ConnectionSettings}. Nothing here changes what other Tyrus clients in the JVM see.
 */
public final class TyrusConnector implements Connector {

	/**
	 * How much longer than the handshake timeout Tyrus waits for a handshake. Decision: the handshake's own deadline
	 * ({@link ClientHandshake}) ends it at the timeout and reports what had not happened by then (the server's
	 * answer, or a proxy's tunnel); Tyrus' timer, which knows neither, is only the backstop behind it.
	 */
	static final long TYRUS_TIMEOUT_MARGIN_MILLIS = 1_000;

	private static final Map<ManagerKey, ClientManager> managers = new ConcurrentHashMap<>();

	/**
	 * The masking keys of Tyrus' protocol handler, from one shared strong source. Tyrus never masks a frame here
	 * (this library's frame engine does), but without a generator its handler seeds a {@link SecureRandom} of
	 * its own for every connection.
	 */
	private static final MaskingKeyGenerator TYRUS_MASKS = new SecureRandom()::nextInt;

	private final WebSocketOptions options;

	private final Timers timers;

	/** The permessage-deflate offer of every attempt, {@code null} with compression off. */
	private final PerMessageDeflate.Offer deflateOffer;

	/**
	 * The shared Tyrus manager for these options, looked up on the first attempt (not on creation, so that a
	 * missing Tyrus fails an attempt, not the constructor) and kept rather than looked up again on every one.
	 */
	private volatile ClientManager manager;

	/**
	 * Creates the connector of one {@code WebSocket}.
	 * @param options its options
	 * @param timers the timers of its connections' close handshakes
	 */
	public TyrusConnector(WebSocketOptions options, Timers timers) {
		this.options = options;
		this.timers = timers;
		Compression compression = options.compression();
		this.deflateOffer = compression.enabled() ? new PerMessageDeflate.Offer(compression.clientNoContextTakeover(),
				compression.serverNoContextTakeover(), compression.serverMaxWindowBits()) : null;
	}

	private static ClientManager createManager(ManagerKey key) {
		ClientManager manager = ClientManager.createClient(NettyClientContainer.class.getName(),
				SessionContainer.SHARED);
		manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT,
				(int) Math.min(Integer.MAX_VALUE, key.handshakeMillis() + TYRUS_TIMEOUT_MARGIN_MILLIS));
		manager.getProperties().put(ClientProperties.REDIRECT_ENABLED, key.maxRedirects() > 0);
		manager.getProperties().put(ClientProperties.REDIRECT_THRESHOLD, key.maxRedirects());
		manager.getProperties().put(ClientProperties.MASKING_KEY_GENERATOR, TYRUS_MASKS);
		return manager;
	}

	/**
	 * What the Tyrus client managers differ in: one manager per combination in use.
	 */
	private record ManagerKey(long handshakeMillis, int maxRedirects) {
	}

	/**
	 * Starts connecting in the background, on the shared connect pool; the outcome arrives at the listener.
	 */
	@Override
	public TyrusConnection connect(URI uri, List<String> subProtocols, int reconnectAttempt, ReadGate gate,
			ConnectionListener listener) {
		EventLoops.acquire();
		TyrusConnection connection = new TyrusConnection(listener, this.options.closeTimeout(), this.timers,
				this.options.compression().threshold());
		long handshakeMillis = this.options.handshakeTimeout().toMillis();
		SharedExecutors.connector().execute(() -> {
			try {
				ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
					.preferredSubprotocols(subProtocols)
					.configurator(new HeaderConfigurator(headers(uri, reconnectAttempt, handshakeMillis),
							this.deflateOffer))
					.build();
				config.getUserProperties()
					.put(ConnectionSettings.KEY, new ConnectionSettings(connection, gate, this.options.maxMessageSize(),
							this.options.tcpNoDelay(), this.options.coalesceSends(), this.options.sslContext(),
							this.options.verifyHostname(),
							(int) Math.min(Integer.MAX_VALUE, handshakeMillis), this.options.proxy(),
							this.options.redactedNames(), this.deflateOffer, subProtocols));
				manager().connectToServer(connection, config, uri);
			}
			catch (Exception | LinkageError ex) {
				listener.failed(ex);
			}
		});
		return connection;
	}

	private ClientManager manager() {
		ClientManager manager = this.manager;
		if (manager == null) {
			manager = managers.computeIfAbsent(
					new ManagerKey(this.options.handshakeTimeout().toMillis(), this.options.maxRedirects()),
					TyrusConnector::createManager);
			this.manager = manager;
		}
		return manager;
	}

	/**
	 * Returns the static headers, with those of the provider added: the provider runs on the headers pool, and
	 * this connect thread waits for it at most the handshake timeout.
	 */
	private Map<String, String> headers(URI uri, int reconnectAttempt, long timeoutMillis)
			throws HeadersUnavailableException, InterruptedException {
		HandshakeHeadersProvider provider = this.options.headersProvider();
		if (provider == null) {
			return this.options.headers();
		}
		Future<Map<String, String>> provided = SharedExecutors.headers()
			.submit(() -> provider.headers(uri, reconnectAttempt));
		try {
			Map<String, String> headers = new LinkedHashMap<>(this.options.headers());
			for (Map.Entry<String, String> header : provided.get(timeoutMillis, TimeUnit.MILLISECONDS).entrySet()) {
				String owner = Rfc6455.handshakeHeaderOwner(header.getKey());
				if (owner != null) {
					throw new HeadersUnavailableException("the headers provider returned " + header.getKey()
							+ ", which is set by " + owner, null);
				}
				headers.put(header.getKey(), header.getValue());
			}
			return headers;
		}
		catch (TimeoutException ex) {
			provided.cancel(true);
			throw new HeadersUnavailableException("the headers provider did not answer within " + timeoutMillis
					+ " ms", null);
		}
		catch (ExecutionException ex) {
			throw new HeadersUnavailableException("the headers provider failed: " + ex.getCause(), ex.getCause());
		}
	}

	/**
	 * The application's {@link HandshakeHeadersProvider} threw or did not answer in time.
	 */
	static final class HeadersUnavailableException extends IOException {

		HeadersUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	@Override
	public void release() {
		EventLoops.release();
	}

	@Override
	public Failure classify(Throwable failure, URI uri) {
		return TyrusFailures.classify(failure, uri, this.options);
	}

	/**
	 * An event loop, which serves many connections, may not wait; its reads are gated instead.
	 */
	@Override
	public boolean mayWait() {
		return !EventLoops.onEventLoop();
	}

	/**
	 * Adds the application's headers and the permessage-deflate offer to the upgrade request. The offer is made
	 * here rather than through Tyrus' extensions, since Tyrus accepts an answer naming an extension that was not
	 * offered; {@link ClientHandshake} judges the answer instead.
	 */
	private static final class HeaderConfigurator extends ClientEndpointConfig.Configurator {

		private final Map<String, String> headers;

		private final PerMessageDeflate.Offer deflateOffer;

		HeaderConfigurator(Map<String, String> headers, PerMessageDeflate.Offer deflateOffer) {
			this.headers = headers;
			this.deflateOffer = deflateOffer;
		}

		@Override
		public void beforeRequest(Map<String, List<String>> requestHeaders) {
			this.headers.forEach((name, value) -> requestHeaders.put(name, List.of(value)));
			if (this.deflateOffer != null) {
				requestHeaders.put(PerMessageDeflate.EXTENSIONS_HEADER, List.of(this.deflateOffer.header()));
			}
		}

	}

}
