package io.incore.websocket;

import java.lang.System.Logger.Level;
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
 * with reconnecting clients). Tyrus' timeout is therefore set long and this class, which counts live connection
 * attempts itself, calls Tyrus' {@code closeSharedTransport()}. That method is package-private in Tyrus 2.2.2
 * and is reached reflectively; if a later Tyrus removes it, the transport is left to Tyrus and a warning is logged
 * once. A test guards this behaviour.
 */
final class SharedTransport {

	static final Duration IDLE = Duration.ofSeconds(1);

	private static final System.Logger logger = System.getLogger(SharedTransport.class.getName());

	private static final Object lock = new Object();

	private static int users;

	private static long generation;

	private static boolean warned;

	private SharedTransport() {
	}

	static void acquire() {
		synchronized (lock) {
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
			if (!warned) {
				warned = true;
				logger.log(Level.WARNING, "Could not release Tyrus' shared Grizzly transport; its threads stay until"
						+ " Tyrus' own idle timeout, if ever", ex);
			}
		}
	}

}
