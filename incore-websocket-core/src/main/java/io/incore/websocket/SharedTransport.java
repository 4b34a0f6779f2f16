package io.incore.websocket;

import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientSocket;

/**
 * Releases the Grizzly transport that all connections share once none of this library's connections has used
 * it for {@link #IDLE}.
 * <p>
 * Why not Tyrus' own idle timeout: its timer task is kept in a static field that is cleared only when it closes
 * the transport; if a connection opens between the moment the task is scheduled and the moment it runs, the task
 * does nothing and is never scheduled again, so the transport and its threads stay for the life of the JVM (seen
 * with reconnecting clients). Its timer also runs on a static thread that is never shut down. So this class,
 * which counts live connection attempts itself, calls Tyrus' {@code closeSharedTransport()}, and switches Tyrus'
 * timer off by filling its task slot once, so that Tyrus never schedules it and never starts its thread.
 * <p>
 * Both reach Tyrus 2.2.2 internals reflectively. If a later Tyrus changes them, the transport is left to Tyrus'
 * own timer and a warning is logged once; the thread-release tests then fail, which is what guards this class.
 */
final class SharedTransport {

	static final Duration IDLE = Duration.ofSeconds(1);

	private static final System.Logger logger = System.getLogger(SharedTransport.class.getName());

	private static final Object lock = new Object();

	private static int users;

	private static long generation;

	private static boolean warned;

	private static boolean tyrusTimerDisabled;

	private SharedTransport() {
	}

	static void acquire() {
		synchronized (lock) {
			if (!tyrusTimerDisabled) {
				tyrusTimerDisabled = true;
				disableTyrusIdleTimer();
			}
			users++;
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
		try {
			Method close = GrizzlyClientSocket.class.getDeclaredMethod("closeSharedTransport");
			close.setAccessible(true);
			close.invoke(null);
		}
		catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | RuntimeException ex) {
			warnOnce(ex);
		}
	}

	private static void disableTyrusIdleTimer() {
		try {
			Field task = Class.forName(GrizzlyClientSocket.class.getPackageName() + ".GrizzlyTransportTimeoutFilter")
				.getDeclaredField("timeoutTask");
			task.setAccessible(true);
			if (task.get(null) == null) {
				task.set(null, ZeroDelayInlineScheduler.CompletedScheduledFuture.INSTANCE);
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			warnOnce(ex);
		}
	}

	private static void warnOnce(Exception ex) {
		if (!warned) {
			warned = true;
			logger.log(Level.WARNING, "Could not take over the lifetime of Tyrus' shared Grizzly transport; its threads"
					+ " stay until Tyrus' own idle timeout, if ever", ex);
		}
	}

}
