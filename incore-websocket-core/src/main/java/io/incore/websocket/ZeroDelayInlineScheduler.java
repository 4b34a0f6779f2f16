package io.incore.websocket;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutorService} that runs one-shot tasks scheduled with no delay on the calling thread
 * and hands everything else to a real scheduler.
 * <p>
 * Why: with no idle timeout configured, Tyrus re-schedules its session idle-timeout check with a delay of zero
 * after every frame sent or received; that task does nothing when the timeout is zero. Queueing it costs an
 * allocation, a lock and a thread wake-up per frame on a scheduler shared by every connection. Running such
 * tasks inline removes that cost without depending on any Tyrus-internal class. Only Tyrus and this library
 * schedule on it.
 */
final class ZeroDelayInlineScheduler implements ScheduledExecutorService {

	private final ScheduledExecutorService delegate;

	ZeroDelayInlineScheduler(ScheduledExecutorService delegate) {
		this.delegate = delegate;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
		if (delay <= 0) {
			command.run();
			return CompletedScheduledFuture.INSTANCE;
		}
		return this.delegate.schedule(command, delay, unit);
	}

	@Override
	public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
		return this.delegate.schedule(callable, delay, unit);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
		return this.delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
			TimeUnit unit) {
		return this.delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
	}

	@Override
	public void shutdown() {
		throw new UnsupportedOperationException("The shared scheduler is not shut down by its users");
	}

	@Override
	public List<Runnable> shutdownNow() {
		throw new UnsupportedOperationException("The shared scheduler is not shut down by its users");
	}

	@Override
	public boolean isShutdown() {
		return false;
	}

	@Override
	public boolean isTerminated() {
		return false;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) {
		return false;
	}

	@Override
	public <T> Future<T> submit(Callable<T> task) {
		return this.delegate.submit(task);
	}

	@Override
	public <T> Future<T> submit(Runnable task, T result) {
		return this.delegate.submit(task, result);
	}

	@Override
	public Future<?> submit(Runnable task) {
		return this.delegate.submit(task);
	}

	@Override
	public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
		return this.delegate.invokeAll(tasks);
	}

	@Override
	public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
			throws InterruptedException {
		return this.delegate.invokeAll(tasks, timeout, unit);
	}

	@Override
	public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
		return this.delegate.invokeAny(tasks);
	}

	@Override
	public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
			throws InterruptedException, ExecutionException, TimeoutException {
		return this.delegate.invokeAny(tasks, timeout, unit);
	}

	@Override
	public void execute(Runnable command) {
		this.delegate.execute(command);
	}

	/**
	 * A future of a task that already ran.
	 */
	static final class CompletedScheduledFuture implements ScheduledFuture<Object> {

		static final CompletedScheduledFuture INSTANCE = new CompletedScheduledFuture();

		@Override
		public long getDelay(TimeUnit unit) {
			return 0;
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			return false;
		}

		@Override
		public boolean isCancelled() {
			return false;
		}

		@Override
		public boolean isDone() {
			return true;
		}

		@Override
		public Object get() {
			return null;
		}

		@Override
		public Object get(long timeout, TimeUnit unit) {
			return null;
		}

	}

}
