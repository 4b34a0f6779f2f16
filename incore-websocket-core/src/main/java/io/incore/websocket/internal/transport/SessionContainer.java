package io.incore.websocket.internal.transport;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.core.ExecutorServiceProvider;

/**
 * The container Tyrus sessions belong to: it gives them this library's shared, bounded executors instead of a
 * cached thread pool and a ten-thread scheduler per manager, and Tyrus' defaults otherwise. One instance serves every
 * connection; it is handed to each {@link ClientManager} as its {@code WebSocketContainer} and never connects
 * itself. Not a {@code ClientManager}: that class's constructor loads Tyrus' default (Grizzly) container.
 */
final class SessionContainer extends ExecutorServiceProvider implements WebSocketContainer {

	static final SessionContainer SHARED = new SessionContainer();

	private static final int TYRUS_DEFAULT_BUFFER_SIZE = 8192;

	private SessionContainer() {
	}

	@Override
	public ExecutorService getExecutorService() {
		return SharedExecutors.connector();
	}

	@Override
	public ScheduledExecutorService getScheduledExecutorService() {
		return SharedExecutors.scheduler();
	}

	@Override
	public long getDefaultAsyncSendTimeout() {
		return 0;
	}

	@Override
	public void setAsyncSendTimeout(long timeout) {
		throw unsupported();
	}

	@Override
	public Session connectToServer(Object endpoint, URI path) {
		throw unsupported();
	}

	@Override
	public Session connectToServer(Class<?> annotatedEndpointClass, URI path) {
		throw unsupported();
	}

	@Override
	public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path) {
		throw unsupported();
	}

	@Override
	public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path) {
		throw unsupported();
	}

	@Override
	public long getDefaultMaxSessionIdleTimeout() {
		return 0;
	}

	@Override
	public void setDefaultMaxSessionIdleTimeout(long timeout) {
		throw unsupported();
	}

	@Override
	public int getDefaultMaxBinaryMessageBufferSize() {
		return TYRUS_DEFAULT_BUFFER_SIZE;
	}

	@Override
	public void setDefaultMaxBinaryMessageBufferSize(int max) {
		throw unsupported();
	}

	@Override
	public int getDefaultMaxTextMessageBufferSize() {
		return TYRUS_DEFAULT_BUFFER_SIZE;
	}

	@Override
	public void setDefaultMaxTextMessageBufferSize(int max) {
		throw unsupported();
	}

	@Override
	public Set<Extension> getInstalledExtensions() {
		return Set.of();
	}

	private static UnsupportedOperationException unsupported() {
		return new UnsupportedOperationException("This container only supplies executors to Tyrus sessions");
	}

}
