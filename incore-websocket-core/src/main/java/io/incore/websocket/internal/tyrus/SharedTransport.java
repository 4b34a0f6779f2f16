package io.incore.websocket.internal.tyrus;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;



import io.incore.websocket.internal.concurrent.SharedExecutors;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientSocket;
import org.glassfish.tyrus.spi.Writer;

/**
 * Creates the Grizzly transport that all connections share, with this library's {@link TransportIOStrategy}, and
 * releases it once none of this library's connections has used it for {@link #IDLE}.
 * <p>
 * Why create it here: Tyrus creates the shared transport inside its first connection attempt and offers no
 * setting for its I/O strategy. When the first attempt after an idle period starts, this class asks Tyrus for the
 * transport (creating it with the same pools the attempt would) and sets the strategy before any connection reads
 * from it; the transport then lives until this class releases it.
 * <p>
 * Why not Tyrus' own idle timeout: its timer task is kept in a static field that is cleared only when it closes
 * the transport; if a connection opens between the moment the task is scheduled and the moment it runs, the task
 * does nothing and is never scheduled again, so the transport and its threads stay for the life of the JVM (seen
 * with reconnecting clients). Its timer also runs on a static thread that is never shut down. So this class,
 * which counts live connection attempts itself, calls Tyrus' {@code closeSharedTransport()}, and switches Tyrus'
 * timer off by filling its task slot once, so that Tyrus never schedules it and never starts its thread.
 * <p>
 * All of this reaches Tyrus 2.2.2 internals reflectively (and so does finding the Grizzly connection behind a Tyrus
 * writer, {@link #readOnSelector}, {@link #delaySmallWrites}). If a later Tyrus changes them, a warning is logged once,
 * the transport keeps Grizzly's worker-thread strategy (slower, still correct: reads wait on worker threads
 * instead of being suspended) and is left to Tyrus' own timer; the thread-release and strategy tests then fail,
 * which is what guards this class.
 */
final class SharedTransport {

	static final Duration IDLE = Duration.ofSeconds(1);

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	/** The selector threads, which read this library's connections with default delivery: one per core. */
	static final ThreadPoolConfig SELECTOR_POOL = pool("incore-websocket-grizzly-selector", CORES);

	/** The worker threads, which read handshakes, connections with inline delivery and other Tyrus clients'. */
	static final ThreadPoolConfig WORKER_POOL = pool("incore-websocket-grizzly-worker", Math.max(4, 2 * CORES));

	private static final System.Logger logger = System.getLogger(SharedTransport.class.getName());

	private static final Object lock = new Object();

	private static int users;

	private static long generation;

	private static boolean warned;

	private static boolean tyrusTimerDisabled;

	private static final Method closeTransport = accessible(
			() -> GrizzlyClientSocket.class.getDeclaredMethod("closeSharedTransport"));

	private static final Method getOrCreateTransport = accessible(() -> GrizzlyClientSocket.class
		.getDeclaredMethod("getOrCreateSharedTransport", ThreadPoolConfig.class, ThreadPoolConfig.class));

	private static final Field writerConnection = accessible(
			() -> Class.forName(GrizzlyClientSocket.class.getPackageName() + ".GrizzlyWriter")
				.getDeclaredField("connection"));

	private SharedTransport() {
	}

	static void acquire() {
		synchronized (lock) {
			if (!tyrusTimerDisabled) {
				tyrusTimerDisabled = true;
				disableTyrusIdleTimer();
			}
			if (users++ == 0) {
				installIOStrategy();
			}
			generation++;
		}
	}

	static void release() {
		synchronized (lock) {
			users--;
			if (users == 0) {
				long idleSince = ++generation;
				SharedExecutors.scheduler()
					.schedule(() -> closeIfStillIdle(idleSince), IDLE.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	private static void closeIfStillIdle(long idleSince) {
		synchronized (lock) {
			if (users == 0 && generation == idleSince) {
				closeGrizzlyTransport();
			}
		}
	}

	private static void closeGrizzlyTransport() {
		if (closeTransport == null) {
			return;
		}
		try {
			closeTransport.invoke(null);
		}
		catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
			warnOnce(ex);
		}
	}

	private static void installIOStrategy() {
		if (getOrCreateTransport == null) {
			return;
		}
		try {
			TCPNIOTransport transport = (TCPNIOTransport) getOrCreateTransport.invoke(null, WORKER_POOL,
					SELECTOR_POOL);
			if (transport.getIOStrategy() != TransportIOStrategy.INSTANCE) {
				transport.setIOStrategy(TransportIOStrategy.INSTANCE);
			}
		}
		catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
			warnOnce(ex);
		}
	}

	/**
	 * Moves the reads of the connection behind Tyrus' Grizzly writer to its selector thread
	 * ({@link TransportIOStrategy#readOnSelector}). If Tyrus' writer is not what this class knows, the connection
	 * stays on worker threads, which is slower and still correct.
	 */
	static void readOnSelector(Writer writer) {
		Connection<?> connection = grizzlyConnection(writer);
		if (connection != null) {
			TransportIOStrategy.readOnSelector(connection);
		}
	}

	/**
	 * Turns Nagle's algorithm on ({@code TCP_NODELAY} off) for the socket behind Tyrus' Grizzly writer, see
	 * {@link WebSocketOptions#tcpNoDelay()}. If the socket cannot be reached, it keeps sending every frame at once.
	 */
	static void delaySmallWrites(Writer writer) {
		SocketChannel channel = socketChannel(writer);
		if (channel == null) {
			return;
		}
		try {
			channel.setOption(StandardSocketOptions.TCP_NODELAY, false);
		}
		catch (IOException | RuntimeException ex) {
			warnOnce(ex);
		}
	}

	/**
	 * Returns whether the socket behind Tyrus' Grizzly writer sends every frame at once, or {@code null} if it
	 * cannot be reached; for tests.
	 */
	static Boolean tcpNoDelay(Writer writer) {
		SocketChannel channel = socketChannel(writer);
		try {
			return (channel != null) ? channel.getOption(StandardSocketOptions.TCP_NODELAY) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static SocketChannel socketChannel(Writer writer) {
		return (grizzlyConnection(writer) instanceof TCPNIOConnection connection
				&& connection.getChannel() instanceof SocketChannel channel) ? channel : null;
	}

	private static Connection<?> grizzlyConnection(Writer writer) {
		if (writerConnection == null || !writerConnection.getDeclaringClass().isInstance(writer)) {
			return null;
		}
		try {
			return (Connection<?>) writerConnection.get(writer);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			warnOnce(ex);
			return null;
		}
	}

	private static <T extends AccessibleObject> T accessible(ReflectiveLookup<T> lookup) {
		try {
			T member = lookup.find();
			member.setAccessible(true);
			return member;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			warnOnce(ex);
			return null;
		}
	}

	private interface ReflectiveLookup<T> {

		T find() throws ReflectiveOperationException;

	}

	/**
	 * Whether the shared transport exists and reads with this library's I/O strategy; for tests.
	 */
	static boolean usesOwnIOStrategy() {
		try {
			Field field = GrizzlyClientSocket.class.getDeclaredField("transport");
			field.setAccessible(true);
			return (field.get(null) instanceof TCPNIOTransport transport)
					&& transport.getIOStrategy() == TransportIOStrategy.INSTANCE;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	private static ThreadPoolConfig pool(String name, int threads) {
		return ThreadPoolConfig.defaultConfig()
			.setPoolName(name)
			.setCorePoolSize(threads)
			.setMaxPoolSize(threads)
			.setDaemon(true);
	}

	private static void disableTyrusIdleTimer() {
		try {
			Field task = Class.forName(GrizzlyClientSocket.class.getPackageName() + ".GrizzlyTransportTimeoutFilter")
				.getDeclaredField("timeoutTask");
			task.setAccessible(true);
			if (task.get(null) == null) {
				ScheduledFuture<?> neverRuns = SharedExecutors.scheduler().schedule(() -> {
				}, 1, TimeUnit.DAYS);
				neverRuns.cancel(false);
				task.set(null, neverRuns);
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			warnOnce(ex);
		}
	}

	private static void warnOnce(Exception ex) {
		if (!warned) {
			warned = true;
			logger.log(Level.WARNING, "Could not take over Tyrus' shared Grizzly transport; it reads on worker threads"
					+ " and its threads stay until Tyrus' own idle timeout, if ever", ex);
		}
	}

}
