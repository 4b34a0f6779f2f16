package io.incore.websocket.internal.transport;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * The Netty threads every connection of the JVM shares: an event-loop group of one thread per core
 * ({@code incore-websocket-netty-N}), which does all socket I/O and TLS and reads connections with default delivery,
 * and a group for connections with inline delivery ({@code incore-websocket-inline-N}), whose listeners run on the
 * reading thread and may block, which an event loop must never do.
 * <p>
 * Both start with the first connection attempt and end {@link #IDLE} after the last attempt was released, so no
 * thread outlives the last connection. Nothing here is shared with other Netty or Tyrus users in the JVM.
 */
final class EventLoops {

	static final Duration IDLE = Duration.ofSeconds(1);

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private static final Object lock = new Object();

	private static int users;

	private static long generation;

	private static EventLoopGroup group;

	private static EventExecutorGroup inline;

	private EventLoops() {
	}

	/**
	 * Holds the threads for one connection attempt, starting them if none run.
	 */
	static void acquire() {
		synchronized (lock) {
			users++;
			generation++;
			if (group == null) {
				group = new MultiThreadIoEventLoopGroup(CORES, threads("netty", true), NioIoHandler.newFactory());
				inline = new DefaultEventExecutorGroup(Math.max(4, 2 * CORES), threads("inline", false));
			}
		}
	}

	/**
	 * Ends one attempt's hold; the threads end {@link #IDLE} after the last one, unless a new attempt came.
	 */
	static void release() {
		synchronized (lock) {
			users--;
			if (users == 0) {
				long idleSince = ++generation;
				SharedExecutors.scheduler()
					.schedule(() -> shutDownIfStillIdle(idleSince), IDLE.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	private static void shutDownIfStillIdle(long idleSince) {
		synchronized (lock) {
			if (users == 0 && generation == idleSince && group != null) {
				group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
				inline.shutdownGracefully(0, 0, TimeUnit.SECONDS);
				group = null;
				inline = null;
			}
		}
	}

	/**
	 * The event loops; only between {@link #acquire()} and {@link #release()}.
	 */
	static EventLoopGroup group() {
		synchronized (lock) {
			return group;
		}
	}

	/**
	 * The threads of connections with inline delivery; only between {@link #acquire()} and {@link #release()}.
	 */
	static EventExecutorGroup inlineGroup() {
		synchronized (lock) {
			return inline;
		}
	}

	/**
	 * Whether the calling thread is an event loop, which serves many connections and must never wait.
	 */
	static boolean onEventLoop() {
		return Thread.currentThread() instanceof EventLoopThread;
	}

	private static ThreadFactory threads(String name, boolean eventLoop) {
		AtomicInteger counter = new AtomicInteger();
		return (task) -> {
			String threadName = SharedExecutors.THREAD_NAME_PREFIX + name + "-" + counter.incrementAndGet();
			Thread thread = eventLoop ? new EventLoopThread(task, threadName) : new FastThreadLocalThread(task, threadName);
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * An event-loop thread, marked so that code can tell it must not wait.
	 */
	private static final class EventLoopThread extends FastThreadLocalThread {

		EventLoopThread(Runnable task, String name) {
			super(task, name);
		}

	}

}
