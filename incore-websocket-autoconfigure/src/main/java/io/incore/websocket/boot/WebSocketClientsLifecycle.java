package io.incore.websocket.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.incore.websocket.SignalConnection;
import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.WebSocketEventPublisher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the configured WebSocket clients with the application context.
 * <p>
 * Start runs in the last lifecycle phase, after the embedded web server started (so a client may talk to its own
 * application): it resolves placeholders left in client URLs (such as {@code ${local.server.port}}, which exists
 * only once the server runs), starts publishing each client's signals as events, then completes each client,
 * which connects or opens it per {@code auto-connect}/{@code auto-open}, and waits for the clients whose
 * {@link ClientStartup start-up mode} says so. Stop runs first: every client is sent 1001 Going Away and the stop
 * waits until all are closed, at most the longest close timeout plus a second.
 */
public final class WebSocketClientsLifecycle implements SmartLifecycle {

	/** The close code sent on shutdown: 1001, going away. */
	public static final int GOING_AWAY = 1001;

	private static final Duration STOP_GRACE = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(WebSocketClientsLifecycle.class);

	private final WebSocketClients clients;

	private final WebSocketEventPublisher publisher;

	private final UrlResolver urlResolver;

	private final Function<String, ClientStartup> startups;

	private final List<SignalConnection> publishing = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param clients the clients
	 * @param publisher publishes the clients' signals as events
	 * @param urlResolver resolves placeholders left in client URLs
	 */
	public WebSocketClientsLifecycle(WebSocketClients clients, WebSocketEventPublisher publisher,
			UrlResolver urlResolver) {
		this(clients, publisher, urlResolver, (name) -> ClientStartup.DEFAULT);
	}

	/**
	 * Creates the lifecycle.
	 * @param clients the clients
	 * @param publisher publishes the clients' signals as events
	 * @param urlResolver resolves placeholders left in client URLs
	 * @param startups the start-up mode of each client, by name
	 */
	public WebSocketClientsLifecycle(WebSocketClients clients, WebSocketEventPublisher publisher,
			UrlResolver urlResolver, Function<String, ClientStartup> startups) {
		this.clients = clients;
		this.publisher = publisher;
		this.urlResolver = urlResolver;
		this.startups = startups;
	}

	@Override
	public void start() {
		this.clients.asMap().forEach((name, client) -> {
			if (client.getUrl().contains("${")) {
				client.setUrl(this.urlResolver.resolve(name, client.getUrl()));
			}
		});
		Map<String, StartupWait> waits = new LinkedHashMap<>();
		this.clients.asMap().forEach((name, client) -> {
			this.publishing.addAll(List.of(this.publisher.publish(name, client)));
			ClientStartup.Mode mode = this.startups.apply(name).mode();
			if (mode != ClientStartup.Mode.ASYNC) {
				waits.put(name, StartupWait.on(client, mode == ClientStartup.Mode.FAIL_FAST));
			}
			if (client.isCompleted()) {
				restart(client);
			}
			else {
				client.complete();
			}
		});
		this.running = true;
		awaitStartup(waits);
	}

	/**
	 * Waits, from one common start, for the clients that the start-up waits for; fails the start-up for a
	 * {@code fail-fast} client that is not open, after closing every client.
	 */
	private void awaitStartup(Map<String, StartupWait> waits) {
		long started = System.nanoTime();
		for (Map.Entry<String, StartupWait> entry : waits.entrySet()) {
			String name = entry.getKey();
			ClientStartup startup = this.startups.apply(name);
			Duration remaining = startup.timeout().minusNanos(System.nanoTime() - started);
			Optional<String> problem = entry.getValue().await(remaining);
			if (problem.isEmpty()) {
				continue;
			}
			WebSocket client = this.clients.get(name);
			if (startup.mode() == ClientStartup.Mode.FAIL_FAST) {
				stop();
				throw new WebSocketClientStartupException(name, client.getRedactedUrl(), problem.get());
			}
			logger.warn("WebSocket client '" + name + "' (" + client.getRedactedUrl() + ") is not open after "
					+ startup.timeout().toMillis() + " ms (" + problem.get()
					+ "); the application starts anyway and the client keeps connecting");
		}
	}

	private static void restart(WebSocket client) {
		if (client.isAutoOpen()) {
			client.open();
		}
		else if (client.isAutoConnect()) {
			client.connectToHost();
		}
	}

	@Override
	public void stop() {
		Map<String, WebSocket> all = this.clients.asMap();
		Duration longest = Duration.ZERO;
		for (WebSocket client : all.values()) {
			client.disconnectFromHost(GOING_AWAY, "Going away");
			longest = max(longest, client.getOptions().closeTimeout());
		}
		long deadline = System.nanoTime() + longest.plus(STOP_GRACE).toNanos();
		for (Map.Entry<String, WebSocket> entry : all.entrySet()) {
			if (!entry.getValue().awaitClosed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				logger.warn("WebSocket client '" + entry.getKey() + "' did not close in time; dropping it");
			}
			entry.getValue().close();
		}
		this.publishing.forEach(SignalConnection::disconnect);
		this.publishing.clear();
		this.running = false;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Resolves the placeholders of a client URL when the clients start.
	 */
	@FunctionalInterface
	public interface UrlResolver {

		/**
		 * Resolves a URL.
		 * @param clientName the client's name
		 * @param url the URL with placeholders
		 * @return the URL to connect to
		 * @throws InvalidWebSocketClientPropertyException if the result is not a valid WebSocket URL
		 */
		String resolve(String clientName, String url);

	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Returns the phase: after the web server, one before the last, so that what runs on the clients (STOMP
	 * sessions) can start after them and stop before them.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
