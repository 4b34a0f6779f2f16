package io.incore.websocket.boot.ownership;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.incore.websocket.WebSocket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * The roles of the clients configured with {@code ownership.mode: single-instance}, each elected on a shared
 * lock registry. Starts the elections after the clients are ready (a later lifecycle phase) and, on stop, closes
 * the owned clients before it releases their locks. Its watchdog thread ({@code incore-websocket-ownership}) ends
 * with it.
 */
public final class ClientOwnerships implements OwnershipView, SmartLifecycle {

	private final Map<String, RoleOwnership> roles = new LinkedHashMap<>();

	private final Map<String, RoleOwnership> byClient = new LinkedHashMap<>();

	private ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * Adds a client to its role; clients of one role share one election.
	 * @param role the role
	 * @param clientName the client's name
	 * @param socket the client, created not to connect by itself
	 * @param autoOpen whether the owner opens it as an IoDevice
	 * @param registry the lock registry of the role
	 * @param renewalTimeout how long the owner may go without renewing its lock
	 * @param publisher where the ownership events go
	 */
	public void add(String role, String clientName, WebSocket socket, boolean autoOpen, LockRegistry<?> registry,
			Duration renewalTimeout, ApplicationEventPublisher publisher) {
		RoleOwnership existing = this.roles.get(role);
		Map<String, RoleOwnership.OwnedClient> clients = new LinkedHashMap<>();
		if (existing != null) {
			clients.putAll(existing.clients());
		}
		clients.put(clientName, new RoleOwnership.OwnedClient(socket, autoOpen));
		RoleOwnership ownership = new RoleOwnership(role, clients, registry, renewalTimeout, publisher);
		this.roles.put(role, ownership);
		clients.keySet().forEach((name) -> this.byClient.put(name, ownership));
	}

	@Override
	public Optional<Boolean> isOwner(String clientName) {
		return Optional.ofNullable(this.byClient.get(clientName)).map(RoleOwnership::isOwner);
	}

	@Override
	public Optional<String> role(String clientName) {
		return Optional.ofNullable(this.byClient.get(clientName)).map(RoleOwnership::getRole);
	}

	@Override
	public boolean yieldOwnership(String clientName) {
		RoleOwnership ownership = this.byClient.get(clientName);
		return ownership != null && ownership.yieldOwnership();
	}

	@Override
	public void start() {
		if (!this.roles.isEmpty()) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "incore-websocket-ownership");
				thread.setDaemon(true);
				return thread;
			});
			this.roles.values().forEach((ownership) -> ownership.start(this.scheduler));
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.roles.values().forEach(RoleOwnership::stop);
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
