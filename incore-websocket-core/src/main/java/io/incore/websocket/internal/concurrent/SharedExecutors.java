package io.incore.websocket.internal.concurrent;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The JVM-wide, bounded thread pools every object of this library shares, besides the transport's event loops.
 * <p>
 * Decision: there is no explicit start or stop. Every pool starts its threads on demand and lets each of them
 * end after {@link #IDLE_KEEP_ALIVE} without work, so once every connection is closed no thread of this
 * library remains, and a later connection simply starts them again. The pools are fixed in size, so thousands
 * of objects share a handful of threads.
 * <ul>
 * <li>{@code incore-websocket-event-N}: runs the serial event contexts (signal delivery); one per core, at
 * least two. A {@link ForkJoinPool} in FIFO mode rather than a {@link ThreadPoolExecutor}: each received message
 * may schedule a drain, and its hand-off costs less there (measured in BENCHMARKS-ARCHIVE.md: about 9 % more small
 * messages per second, the same latency).</li>
 * <li>{@code incore-websocket-connect-N}: runs connection attempts, each of which waits for its opening handshake
 * (TCP, TLS and HTTP upgrade run on the transport's event loops); at most {@link #CONNECT_THREADS} at once, further
 * attempts wait in line.</li>
 * <li>{@code incore-websocket-headers-N}: runs the applications' handshake headers providers; up to as many as
 * the connect pool.</li>
 * <li>{@code incore-websocket-timer}: one thread for timeouts, heartbeats and reconnect delays.</li>
 * </ul>
 */
public final class SharedExecutors {

	/** How long a pool thread stays once it has nothing to do. */
	public static final Duration IDLE_KEEP_ALIVE = Duration.ofSeconds(1);

	/** The most connection attempts that run at once. */
	public static final int CONNECT_THREADS = 8;

	/** How the name of every thread of this library starts. */
	public static final String THREAD_NAME_PREFIX = "incore-websocket-";

	/** The threads that deliver signals: one per core, at least two. */
	public static final int EVENT_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

	private static final ForkJoinPool events = forkJoinPool("event", EVENT_THREADS);

	private static final ThreadPoolExecutor connector = pool("connect", CONNECT_THREADS);

	private static final ThreadPoolExecutor headers = pool("headers", CONNECT_THREADS);

	private static final ScheduledExecutorService scheduler = createScheduler();

	private SharedExecutors() {
	}

	/**
	 * Returns the pool that delivers signals.
	 * @return the event pool
	 */
	public static Executor events() {
		return events;
	}

	/**
	 * Returns the pool that runs blocking connection attempts and other work that must not run under a lock.
	 * @return the connect pool
	 */
	public static ExecutorService connector() {
		return connector;
	}

	/**
	 * Returns the pool that runs the applications' handshake headers providers, which may be slow: apart from
	 * the connect pool, whose threads wait for them with a deadline.
	 * @return the headers pool
	 */
	public static ExecutorService headers() {
		return headers;
	}

	/**
	 * Returns the timer thread's scheduler.
	 * @return the scheduler
	 */
	public static ScheduledExecutorService scheduler() {
		return scheduler;
	}

	private static ThreadPoolExecutor pool(String name, int threads) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_KEEP_ALIVE.toMillis(),
				TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemonThreads(name));
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * Creates the event pool. It never grows beyond {@code threads}: a listener that blocks in a
	 * way {@link ForkJoinPool} knows ({@code CompletableFuture.get()}, {@link ForkJoinPool#managedBlock}) would
	 * otherwise ask for a spare thread, and once none may be added the pool throws
	 * {@link java.util.concurrent.RejectedExecutionException} out of that call. Saturation is accepted instead, so
	 * such a listener simply blocks, as it would on a {@link ThreadPoolExecutor}.
	 */
	private static ForkJoinPool forkJoinPool(String name, int threads) {
		Supplier<String> names = threadNames(name);
		return new ForkJoinPool(threads, (pool) -> new EventThread(pool, names.get()), null, true, 0, threads, 1,
				(pool) -> true, IDLE_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static ScheduledExecutorService createScheduler() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemonThreads("timer"));
		executor.setRemoveOnCancelPolicy(true);
		executor.setKeepAliveTime(IDLE_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	private static ThreadFactory daemonThreads(String name) {
		Supplier<String> names = threadNames(name);
		return (runnable) -> {
			Thread thread = new Thread(runnable, names.get());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static Supplier<String> threadNames(String name) {
		AtomicInteger counter = new AtomicInteger();
		return () -> THREAD_NAME_PREFIX + name + (name.equals("timer") ? "" : "-" + counter.incrementAndGet());
	}

	/**
	 * A thread of the event pool. Unlike the threads of {@link ForkJoinPool}'s default factory, it
	 * keeps the context class loader of the thread that started it, as a {@link ThreadPoolExecutor}'s threads do, so
	 * that listeners in an application packaged as a nested jar still see the application's classes through it.
	 * Like every {@link ForkJoinWorkerThread}, it is a daemon thread.
	 */
	private static final class EventThread extends ForkJoinWorkerThread {

		EventThread(ForkJoinPool pool, String name) {
			super(pool);
			setName(name);
		}

	}

}
