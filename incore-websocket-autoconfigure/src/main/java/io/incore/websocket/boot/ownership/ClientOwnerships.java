package io.incore.websocket.boot.ownership;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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

	private final Map<String, RoleOwnership> byClient = new LinkedHashMap<>();

	private final List<RoleOwnership> roles;

	private ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * Creates one election per role.
	 * @param roles the roles
	 */
	public ClientOwnerships(List<Role> roles) {
		this.roles = roles.stream().map(RoleOwnership::new).toList();
		this.roles.forEach((ownership) -> ownership.clients().keySet()
			.forEach((client) -> this.byClient.put(client, ownership)));
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
			this.roles.forEach((ownership) -> ownership.start(this.scheduler));
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.roles.forEach(RoleOwnership::stop);
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

	/**
	 * A role and its clients, each created not to connect by itself, with whether its owner opens it as an
	 * IoDevice.
	 *
	 * @param name the role
	 * @param clients the clients by name
	 * @param registry the lock registry of the role
	 * @param renewalTimeout how long the owner may go without renewing its lock
	 * @param publisher where the ownership events go
	 */
	public record Role(String name, Map<String, OwnedClient> clients, LockRegistry<?> registry,
			Duration renewalTimeout, ApplicationEventPublisher publisher) {
	}

	/**
	 * A client of a role.
	 *
	 * @param socket the client
	 * @param autoOpen whether the owner opens it as an IoDevice
	 */
	public record OwnedClient(WebSocket socket, boolean autoOpen) {

		void connect() {
			if (this.autoOpen) {
				this.socket.open();
			}
			else {
				this.socket.setAutoConnect(true);
				this.socket.connectToHost();
			}
		}

		void disconnect() {
			this.socket.setAutoConnect(false);
			this.socket.disconnectFromHost(1001, "Ownership moved to another instance");
			if (this.autoOpen) {
				this.socket.close();
			}
		}

	}

}
