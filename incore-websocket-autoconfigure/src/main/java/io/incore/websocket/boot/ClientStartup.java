package io.incore.websocket.boot;

import java.time.Duration;
import java.util.Objects;

import io.incore.websocket.InvalidOptionException;

/**
 * How the start of the application context waits for one client to connect.
 *
 * @param mode whether and how to wait
 * @param timeout the longest wait, positive
 */
public record ClientStartup(Mode mode, Duration timeout) {

	/** The default: do not wait; at most 30 seconds in the modes that wait. */
	public static final ClientStartup DEFAULT = new ClientStartup(Mode.ASYNC, Duration.ofSeconds(30));

	/**
	 * Validates the settings.
	 * @param mode whether and how to wait
	 * @param timeout the longest wait
	 */
	public ClientStartup {
		Objects.requireNonNull(mode, "mode");
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			throw new InvalidOptionException("timeout", timeout, "the duration must be positive",
					"a positive duration such as 10s or 1m");
		}
	}

	/**
	 * Whether and how the context start waits.
	 */
	public enum Mode {

		/** The context starts at once; the client connects in the background. */
		ASYNC,

		/**
		 * The context start waits until the client is open or the timeout passed; then it logs a warning and goes
		 * on while the client keeps trying.
		 */
		WAIT,

		/**
		 * The context start waits until the client is open; the first error, or the timeout, fails the start-up
		 * with a failure analysis.
		 */
		FAIL_FAST

	}

}
