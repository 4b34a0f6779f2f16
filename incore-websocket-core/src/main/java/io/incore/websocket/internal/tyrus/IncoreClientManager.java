package io.incore.websocket.internal.tyrus;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.incore.websocket.internal.concurrent.SharedExecutors;

import org.glassfish.tyrus.client.ClientManager;

/**
 * The container Tyrus sessions take their executors from: this library's shared, bounded executors instead of a
 * cached thread pool and a ten-thread scheduler per manager. One instance serves every connection; it is handed
 * to each connecting {@link ClientManager} as its {@code WebSocketContainer}, never used to connect itself.
 */
final class IncoreClientManager extends ClientManager {

	static final IncoreClientManager SHARED = new IncoreClientManager();

	private IncoreClientManager() {
	}

	@Override
	public ExecutorService getExecutorService() {
		return SharedExecutors.connector();
	}

	@Override
	public ScheduledExecutorService getScheduledExecutorService() {
		return SharedExecutors.scheduler();
	}

}
