package io.incore.websocket;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import jakarta.websocket.ClientEndpointConfig;

import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

/**
 * Opens Tyrus connections for one {@link WebSocket}.
 * <p>
 * All connections of the JVM share one Grizzly transport ({@code SHARED_CONTAINER}) with bounded, named selector
 * and worker pools, so thousands of sockets need a handful of threads. {@link SharedTransport} releases it once
 * no connection uses it; Tyrus' own idle timeout is set long so that it never closes the transport under an
 * attempt that is still connecting. Blocking connection attempts run on the shared connect pool, never on the
 * caller's thread. Whichever Tyrus client first creates the shared transport in a JVM fixes its pool sizes.
 * <p>
 * A Tyrus {@link ClientManager} holds its settings in one mutable map that every connection copies, so this class
 * keeps one immutable manager for {@code ws://} and, on first use, one for {@code wss://}.
 */
final class TyrusConnector {

	private static final int TYRUS_IDLE_TIMEOUT_SECONDS = 60;

	private static final int FRAME_HEADER_BYTES = 14;

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private final WebSocketOptions options;

	private final ClientManager plain;

	private ClientManager secure;

	TyrusConnector(WebSocketOptions options) {
		this.options = options;
		this.plain = createManager(null);
	}

	private ClientManager createManager(SslEngineConfigurator tls) {
		ClientManager manager = ClientManager.createClient(GuardedClientContainer.class.getName(),
				IncoreClientManager.SHARED);
		Map<String, Object> properties = manager.getProperties();
		properties.put(ClientProperties.SHARED_CONTAINER, true);
		properties.put(ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, TYRUS_IDLE_TIMEOUT_SECONDS);
		properties.put(GrizzlyClientProperties.SELECTOR_THREAD_POOL_CONFIG,
				pool("incore-websocket-grizzly-selector", Math.max(1, CORES)));
		properties.put(GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG,
				pool("incore-websocket-grizzly-worker", Math.max(4, 2 * CORES)));
		properties.put(ClientProperties.HANDSHAKE_TIMEOUT, (int) this.options.handshakeTimeout().toMillis());
		properties.put(ClientProperties.INCOMING_BUFFER_SIZE,
				(int) Math.min(Integer.MAX_VALUE, this.options.maxMessageSize() + FRAME_HEADER_BYTES));
		if (tls != null) {
			properties.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls);
		}
		return manager;
	}

	private static ThreadPoolConfig pool(String name, int threads) {
		return ThreadPoolConfig.defaultConfig()
			.setPoolName(name)
			.setCorePoolSize(threads)
			.setMaxPoolSize(threads)
			.setDaemon(true);
	}

	private synchronized ClientManager managerFor(URI uri) throws NoSuchAlgorithmException {
		if (!"wss".equals(uri.getScheme())) {
			return this.plain;
		}
		if (this.secure == null) {
			SSLContext context = (this.options.sslContext() != null) ? this.options.sslContext()
					: SSLContext.getDefault();
			SslEngineConfigurator tls = new SslEngineConfigurator(context, true, false, false);
			tls.setHostVerificationEnabled(this.options.verifyHostname());
			this.secure = createManager(tls);
		}
		return this.secure;
	}

	/**
	 * Starts connecting in the background; the outcome arrives at the listener.
	 */
	TyrusConnection connect(URI uri, String subProtocol, TyrusConnection.Listener listener) {
		TyrusConnection connection = new TyrusConnection(listener);
		ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
			.preferredSubprotocols(subProtocol.isEmpty() ? List.of() : List.of(subProtocol))
			.configurator(new HeaderConfigurator(this.options.headers()))
			.build();
		config.getUserProperties()
			.put(GuardedClientContainer.SETTINGS, new GuardedClientContainer.Settings(this.options.maxMessageSize(),
					this.options.closeTimeout(), connection, connection::writerReady));
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
