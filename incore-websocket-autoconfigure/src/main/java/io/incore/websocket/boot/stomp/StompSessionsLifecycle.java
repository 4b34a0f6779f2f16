package io.incore.websocket.boot.stomp;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Starts the STOMP sessions after the WebSocket clients (a later phase) and stops them first, so that DISCONNECT
 * leaves before the clients close with 1001. It owns the scheduler of STOMP heartbeats and receipt timeouts
 * (threads {@code incore-websocket-stomp-*}), which is not a bean so that it never stands in for the application's
 * own task scheduler, and shuts it down with the sessions.
 */
public final class StompSessionsLifecycle implements SmartLifecycle {

	private final StompSessions sessions;

	private final ThreadPoolTaskScheduler scheduler;

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param sessions the sessions
	 */
	public StompSessionsLifecycle(StompSessions sessions) {
		this.sessions = sessions;
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("incore-websocket-stomp-");
		this.scheduler.setDaemon(true);
	}

	@Override
	public void start() {
		if (this.sessions.asMap().isEmpty()) {
			this.running = true;
			return;
		}
		this.scheduler.initialize();
		this.sessions.asMap().values().forEach((session) -> session.start(this.scheduler));
		this.running = true;
	}

	@Override
	public void stop() {
		this.sessions.asMap().values().forEach(ManagedStompSession::stop);
		this.scheduler.shutdown();
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
