package io.incore.websocket;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.glassfish.tyrus.client.ClientManager;

/**
 * A Tyrus {@link ClientManager} on the Grizzly client container that uses this library's shared, bounded
 * executors instead of creating a cached thread pool and a ten-thread scheduler per manager.
 * <p>
 * The public no-arg constructor of {@code ClientManager} names the Grizzly container explicitly; the
 * {@code ContainerProvider} lookup, which Tomcat's provider can win on a Spring Boot web classpath, is never
 * used.
 */
final class IncoreClientManager extends ClientManager {

	@Override
	public ExecutorService getExecutorService() {
		return SharedExecutors.connector();
	}

	@Override
	public ScheduledExecutorService getScheduledExecutorService() {
		return SharedExecutors.scheduler();
	}

}
