package io.incore.websocket.internal.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks after a delay: the one kind of time a session and a connection need (close timeouts, the heartbeat,
 * reconnect delays). Tests replace it with a clock they advance by hand.
 */
@FunctionalInterface
public interface Timers {

	/**
	 * Runs a task once after a delay, on the timers' thread.
	 * @param task the task; it must not block
	 * @param delay the delay
	 * @return the handle that cancels it
	 */
	Timer schedule(Runnable task, Duration delay);

	/**
	 * Returns timers on a scheduler.
	 * @param scheduler the scheduler
	 * @return the timers
	 */
	static Timers on(ScheduledExecutorService scheduler) {
		return (task, delay) -> {
			ScheduledFuture<?> future = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
			return () -> future.cancel(false);
		};
	}

	/**
	 * A scheduled task.
	 */
	@FunctionalInterface
	interface Timer {

		/**
		 * Cancels the task if it has not run; a cancelled task holds no reference to what it would have run.
		 */
		void cancel();

	}

}
