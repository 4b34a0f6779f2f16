package io.incore.websocket;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.websocket.ClientEndpointConfig;

import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

/**
 * Opens Tyrus connections for one {@link WebSocket}.
 * <p>
 * All connections of the JVM share one Grizzly transport ({@code SHARED_CONTAINER}) with bounded, named selector
 * and worker pools, so thousands of sockets need a handful of threads. The transport is released
 * {@link #SHARED_TRANSPORT_IDLE_SECONDS} second after the last connection closed. Blocking connection
 * attempts run on the shared connect pool, never on the caller's thread.
 * <p>
 * Note: whichever Tyrus client first creates the shared transport in a JVM fixes its pool sizes.
 */
final class TyrusConnector {

	static final int SHARED_TRANSPORT_IDLE_SECONDS = 1;

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private final IncoreClientManager manager = new IncoreClientManager();

	TyrusConnector(WebSocketOptions options) {
		Map<String, Object> properties = this.manager.getProperties();
		properties.put(ClientProperties.SHARED_CONTAINER, true);
		properties.put(ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, SHARED_TRANSPORT_IDLE_SECONDS);
		properties.put(GrizzlyClientProperties.SELECTOR_THREAD_POOL_CONFIG,
				pool("incore-websocket-grizzly-selector", Math.max(1, CORES)));
		properties.put(GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG,
				pool("incore-websocket-grizzly-worker", Math.max(4, 2 * CORES)));
		properties.put(ClientProperties.HANDSHAKE_TIMEOUT, (int) options.handshakeTimeout().toMillis());
		if (options.sslContext() != null) {
			properties.put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
					new SslEngineConfigurator(options.sslContext(), true, false, false));
		}
	}

	private static ThreadPoolConfig pool(String name, int threads) {
		return ThreadPoolConfig.defaultConfig()
			.setPoolName(name)
			.setCorePoolSize(threads)
			.setMaxPoolSize(threads)
			.setDaemon(true);
	}

	/**
	 * Starts connecting in the background; the outcome arrives at the listener.
	 */
	TyrusConnection connect(URI uri, String subProtocol, Map<String, String> headers,
			TyrusConnection.Listener listener) {
		TyrusConnection connection = new TyrusConnection(listener);
		ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
			.preferredSubprotocols(subProtocol.isEmpty() ? List.of() : List.of(subProtocol))
			.configurator(new HeaderConfigurator(headers))
			.build();
		SharedExecutors.connector().execute(() -> {
			try {
				this.manager.connectToServer(connection, config, uri);
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
