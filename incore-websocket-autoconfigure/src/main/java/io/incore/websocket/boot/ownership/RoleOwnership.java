package io.incore.websocket.boot.ownership;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.WebSocket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * The clients of one role, connected only while this instance owns the role: a candidate of Spring
 * Integration's {@link LockRegistryLeaderInitiator} on the application's shared lock registry.
 * <ul>
 * <li>Granted: the clients connect, as configured (IoDevice mode or not), with their reconnect policy.</li>
 * <li>Revoked, yielded or stopping: the clients close with 1001 and stop reconnecting; the lock is released only
 * once they are closed, so that the next owner never connects while this one still is.</li>
 * <li>Not renewed: the initiator renews the lock every heartbeat, and a registry that cannot be reached may block
 * a renewal for longer than the lock's time-to-live. A watchdog closes the clients once no renewal succeeded for
 * the renewal timeout, before another instance can take the lock over; a renewal that succeeds afterwards, with
 * the lock still held, connects them again.</li>
 * </ul>
 */
final class RoleOwnership implements Candidate {

	private static final Log logger = LogFactory.getLog(RoleOwnership.class);

	private final String role;

	private final String id = UUID.randomUUID().toString();

	private final Map<String, ClientOwnerships.OwnedClient> clients;

	private final ApplicationEventPublisher publisher;

	private final Duration renewalTimeout;

	private final LockRegistryLeaderInitiator initiator;

	private volatile long lastRenewalNanos = System.nanoTime();

	private volatile boolean leader;

	private volatile boolean owner;

	private volatile boolean running;

	private ScheduledFuture<?> watchdog;

	private ScheduledExecutorService scheduler;

	RoleOwnership(ClientOwnerships.Role role) {
		this.role = role.name();
		this.clients = new LinkedHashMap<>(role.clients());
		this.renewalTimeout = role.renewalTimeout();
		this.publisher = role.publisher();
		this.initiator = new LockRegistryLeaderInitiator(
				new RenewalTrackingLockRegistry(role.registry(), this::renewed), this);
		this.initiator.setAutoStartup(false);
		this.initiator.setTaskExecutor(new SimpleAsyncTaskExecutor("incore-websocket-leader-"));
	}

	@Override
	public String getRole() {
		return this.role;
	}

	@Override
	public String getId() {
		return this.id;
	}

	boolean isOwner() {
		return this.owner;
	}

	Map<String, ClientOwnerships.OwnedClient> clients() {
		return this.clients;
	}

	void start(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
		this.running = true;
		this.initiator.start();
		long period = Math.max(10, this.renewalTimeout.toMillis() / 10);
		this.watchdog = scheduler.scheduleWithFixedDelay(this::checkRenewal, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Closes the clients, waits until they are closed, then releases the lock.
	 */
	void stop() {
		this.running = false;
		if (this.watchdog != null) {
			this.watchdog.cancel(false);
		}
		giveUp("the application stops");
		awaitClosed();
		this.initiator.stop();
	}

	/**
	 * Closes the clients, waits until they are closed, then releases the lock and stays out of the election for
	 * the renewal timeout, so that another instance takes the role over rather than this one again.
	 * @return whether this instance owned the role
	 */
	boolean yieldOwnership() {
		if (!this.owner) {
			return false;
		}
		giveUp("yielded");
		awaitClosed();
		this.initiator.stop();
		this.scheduler.schedule(() -> {
			if (this.running) {
				this.initiator.start();
			}
		}, this.renewalTimeout.toMillis(), TimeUnit.MILLISECONDS);
		return true;
	}

	@Override
	public void onGranted(Context context) {
		this.leader = true;
		this.lastRenewalNanos = System.nanoTime();
		takeOver();
	}

	@Override
	public void onRevoked(Context context) {
		this.leader = false;
		giveUp("the lock was lost");
	}

	private void renewed() {
		this.lastRenewalNanos = System.nanoTime();
		if (this.leader && !this.owner && this.running) {
			takeOver();
		}
	}

	private void checkRenewal() {
		long silent = System.nanoTime() - this.lastRenewalNanos;
		if (this.owner && silent > this.renewalTimeout.toNanos()) {
			giveUp("the lock was not renewed for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
		}
	}

	private synchronized void takeOver() {
		if (this.owner || !this.running) {
			return;
		}
		this.owner = true;
		logger.info("This instance owns '" + this.role + "' and connects " + this.clients.keySet());
		this.clients.forEach((name, client) -> {
			client.connect();
			this.publisher.publishEvent(new OwnershipGrantedEvent(name, client.socket(), this.role));
		});
	}

	private synchronized void giveUp(String reason) {
		if (!this.owner) {
			return;
		}
		this.owner = false;
		logger.info("This instance no longer owns '" + this.role + "' (" + reason + ") and closes "
				+ this.clients.keySet());
		this.clients.forEach((name, client) -> {
			client.disconnect();
			this.publisher.publishEvent(new OwnershipRevokedEvent(name, client.socket(), this.role, reason));
		});
	}

	private void awaitClosed() {
		for (ClientOwnerships.OwnedClient client : this.clients.values()) {
			WebSocket socket = client.socket();
			if (!socket.awaitClosed(socket.getOptions().closeTimeout().plusSeconds(1))) {
				logger.warn("Client of '" + this.role + "' did not close in time: " + socket.getRedactedUrl());
			}
		}
	}

}
