package io.incore.websocket.internal.tyrus;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
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
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

/**
 * Opens Tyrus connections for one {@code WebSocket}: the {@link Connector} of its session.
 * <p>
 * All connections of the JVM share one Grizzly transport ({@code SHARED_CONTAINER}) with bounded, named selector
 * and worker pools, so thousands of sockets need a handful of threads. {@link SharedTransport} creates it with
 * this library's I/O strategy and releases it once no connection uses it; Tyrus' own idle timeout is set long so that it never closes the transport under an
 * attempt that is still connecting. Blocking connection attempts run on the shared connect pool, never on the
 * caller's thread. Whichever Tyrus client first creates the shared transport in a JVM fixes its pool sizes.
 * <p>
 * A Tyrus {@link ClientManager} holds its settings in one mutable map that every connection copies. Managers are
 * therefore never changed after creation, and all WebSockets whose transport settings are equal share one (a
 * manager costs a few kilobytes and a component lookup): one for {@code ws://} and one for {@code wss://} per
 * distinct combination of handshake timeout, TLS context and host-name verification.
 * Request headers and subprotocols are per connection and do not take part.
 */
public final class TyrusConnector implements Connector {

	private static final int TYRUS_IDLE_TIMEOUT_SECONDS = 60;

	private static final Map<ManagerKey, ClientManager> managers = new ConcurrentHashMap<>();

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

	private static ClientManager createManager(ManagerKey key) {
		ClientManager manager = ClientManager.createClient(TyrusClientContainer.class.getName(),
				IncoreClientManager.SHARED);
		Map<String, Object> properties = manager.getProperties();
		properties.put(ClientProperties.SHARED_CONTAINER, true);
		properties.put(ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, TYRUS_IDLE_TIMEOUT_SECONDS);
		properties.put(GrizzlyClientProperties.SELECTOR_THREAD_POOL_CONFIG, SharedTransport.SELECTOR_POOL);
		properties.put(GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG, SharedTransport.WORKER_POOL);
		properties.put(ClientProperties.HANDSHAKE_TIMEOUT, (int) key.handshakeMillis());
		if (key.sslContext() != null) {
			properties.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls(key));
		}
		return manager;
	}

	private ClientManager managerFor(URI uri) throws NoSuchAlgorithmException {
		boolean secure = "wss".equals(uri.getScheme());
		SSLContext context = !secure ? null
				: (this.options.sslContext() != null) ? this.options.sslContext() : SSLContext.getDefault();
		ManagerKey key = new ManagerKey(this.options.handshakeTimeout().toMillis(), context,
				secure && this.options.verifyHostname());
		return managers.computeIfAbsent(key, TyrusConnector::createManager);
	}

	private static SslEngineConfigurator tls(ManagerKey key) {
		if (key.sslContext() == null) {
			return null;
		}
		SslEngineConfigurator tls = new SslEngineConfigurator(key.sslContext(), true, false, false);
		tls.setHostVerificationEnabled(key.verifyHostname());
		return tls;
	}

	/**
	 * The transport settings that distinguish one shared manager from another; the TLS context is compared by
	 * identity, and is {@code null} for {@code ws://}.
	 */
	private record ManagerKey(long handshakeMillis, SSLContext sslContext, boolean verifyHostname) {
	}

	/**
	 * Starts connecting in the background, on the shared connect pool; the outcome arrives at the listener.
	 */
	@Override
	public TyrusConnection connect(URI uri, String subProtocol, ReadGate gate, ConnectionListener listener) {
		SharedTransport.acquire();
		TyrusConnection connection = new TyrusConnection(listener, this.options.closeTimeout(), this.timers);
		ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
			.preferredSubprotocols(subProtocol.isEmpty() ? List.of() : List.of(subProtocol))
			.configurator(new HeaderConfigurator(this.options.headers()))
			.build();
		config.getUserProperties()
			.put(TyrusClientContainer.SETTINGS, new TyrusClientContainer.Settings(this.options.maxMessageSize(),
					connection, gate, this.options.tcpNoDelay(), this.options.coalesceSends()));
		SharedExecutors.connector().execute(() -> {
			try {
				managerFor(uri).connectToServer(connection, config, uri);
			}
			catch (Exception | LinkageError ex) {
				listener.failed(ex);
			}
		});
		return connection;
	}

	@Override
	public void release() {
		SharedTransport.release();
	}

	@Override
	public Failure classify(Throwable failure, URI uri) {
		return TyrusFailures.classify(failure, uri, this.options.handshakeTimeout().toMillis());
	}

	/**
	 * A selector thread, which reads many connections, may not wait; see {@link TransportIOStrategy}.
	 */
	@Override
	public boolean mayWait() {
		return !TransportIOStrategy.onSelectorThread();
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
