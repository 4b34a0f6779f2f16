package io.incore.websocket.internal.transport;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.ConnectionListener;
import io.incore.websocket.internal.session.Connector;
import io.incore.websocket.internal.session.Failure;
import io.incore.websocket.internal.session.ReadGate;
import io.incore.websocket.internal.session.Timers;
import jakarta.websocket.ClientEndpointConfig;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

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

	private static final Map<Long, ClientManager> managers = new ConcurrentHashMap<>();

	private final WebSocketOptions options;

	private final Timers timers;

	/**
	 * Creates the connector of one {@code WebSocket}.
	 * @param options its options
	 * @param timers the timers of its connections' close handshakes
	 */
	public TyrusConnector(WebSocketOptions options, Timers timers) {
		this.options = options;
		this.timers = timers;
	}

	private static ClientManager createManager(long handshakeMillis) {
		ClientManager manager = ClientManager.createClient(NettyClientContainer.class.getName(),
				SessionContainer.SHARED);
		manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) handshakeMillis);
		return manager;
	}

	/**
	 * Starts connecting in the background, on the shared connect pool; the outcome arrives at the listener.
	 */
	@Override
	public TyrusConnection connect(URI uri, List<String> subProtocols, ReadGate gate, ConnectionListener listener) {
		EventLoops.acquire();
		TyrusConnection connection = new TyrusConnection(listener, this.options.closeTimeout(), this.timers);
		ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
			.preferredSubprotocols(subProtocols)
			.configurator(new HeaderConfigurator(this.options.headers()))
			.build();
		long handshakeMillis = this.options.handshakeTimeout().toMillis();
		SharedExecutors.connector().execute(() -> {
			try {
				SSLContext tls = !"wss".equals(uri.getScheme()) ? null
						: (this.options.sslContext() != null) ? this.options.sslContext() : SSLContext.getDefault();
				config.getUserProperties()
					.put(ConnectionSettings.KEY, new ConnectionSettings(connection, gate, this.options.maxMessageSize(),
							this.options.tcpNoDelay(), this.options.coalesceSends(), tls, this.options.verifyHostname(),
							(int) Math.min(Integer.MAX_VALUE, handshakeMillis), this.options.proxy(),
							this.options.redactedNames()));
				managers.computeIfAbsent(handshakeMillis, TyrusConnector::createManager)
					.connectToServer(connection, config, uri);
			}
			catch (Exception | LinkageError ex) {
				listener.failed(ex);
			}
		});
		return connection;
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

	private static final class HeaderConfigurator extends ClientEndpointConfig.Configurator {

		private final Map<String, String> headers;

		HeaderConfigurator(Map<String, String> headers) {
			this.headers = headers;
		}

		@Override
		public void beforeRequest(Map<String, List<String>> requestHeaders) {
			this.headers.forEach((name, value) -> requestHeaders.put(name, List.of(value)));
		}

	}

}
