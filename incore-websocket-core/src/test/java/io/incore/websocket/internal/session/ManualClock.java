package io.incore.websocket.internal.session;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * Timers on a clock that moves only when a test advances it: due tasks run on the test's thread, in the order of
 * their due times, so tests of timeouts, heartbeats and backoff neither wait nor depend on the machine's speed.
 */
public final class ManualClock implements Timers {

	private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();

	private long now = 1_000_000_000L;

	private long sequence;

	/**
	 * Returns a session clock with this clock's time and timers.
	 * @param executor runs work the session moves off its lock
	 * @param random the jitter's random numbers
	 * @return the clock
	 */
	public WebSocketSession.Clock sessionClock(Executor executor, double random) {
		return new WebSocketSession.Clock(this::nanoTime, this, executor, () -> random);
	}

	@Override
	public synchronized Timer schedule(Runnable task, Duration delay) {
		Scheduled scheduled = new Scheduled(this.now + delay.toNanos(), this.sequence++, task);
		this.queue.add(scheduled);
		return () -> {
			synchronized (this) {
				this.queue.remove(scheduled);
			}
		};
	}

	/**
	 * Returns the time.
	 * @return nanoseconds since an arbitrary origin
	 */
	public synchronized long nanoTime() {
		return this.now;
	}

	/**
	 * Moves the clock forward and runs every task that falls due, each at its due time.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		long target;
		synchronized (this) {
			target = this.now + duration.toNanos();
		}
		while (true) {
			Scheduled next;
			synchronized (this) {
				next = this.queue.peek();
				if (next == null || next.due() > target) {
					this.now = target;
					return;
				}
				this.queue.poll();
				this.now = next.due();
			}
			next.task().run();
		}
	}

	/**
	 * Returns the number of tasks waiting.
	 * @return the count
	 */
	public synchronized int pending() {
		return this.queue.size();
	}

	private record Scheduled(long due, long sequence, Runnable task) implements Comparable<Scheduled> {

		@Override
		public int compareTo(Scheduled other) {
			int byDue = Long.compare(this.due, other.due);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, other.sequence);
		}

	}

}
