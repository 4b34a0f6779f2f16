package io.incore.websocket;

import java.time.Duration;

/**
 * Thrown by the option records ({@link WebSocketOptions}, {@link ReconnectPolicy}, {@link Heartbeat},
 * {@link InboundLimits}, {@link SendBuffer}, {@link HttpProxy}) for a value that cannot work. It names the record
 * component, so that a configuration layer can name its own property (the Spring Boot starter reports
 * {@code reconnect.max-delay} for the component {@code maxDelay} of the reconnect policy).
 */
public class InvalidOptionException extends IllegalArgumentException {

	private final String option;

	private final transient Object value;

	private final String problem;

	private final String fix;

	/**
	 * Creates the exception.
	 * @param option the record component, e.g. {@code maxDelay}
	 * @param value the value given
	 * @param problem what is wrong, e.g. {@code the duration must be positive}
	 * @param fix what to give instead, e.g. {@code a positive duration such as 500ms or 10s}
	 */
	public InvalidOptionException(String option, Object value, String problem, String fix) {
		super(option + " has the invalid value " + value + ": " + problem + "; use " + fix);
		this.option = option;
		this.value = value;
		this.problem = problem;
		this.fix = fix;
	}

	/**
	 * Returns the record component whose value is invalid.
	 * @return the component's name
	 */
	public String getOption() {
		return this.option;
	}

	/**
	 * Returns the value given.
	 * @return the value
	 */
	public Object getValue() {
		return this.value;
	}

	/**
	 * Returns what is wrong with the value.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Returns what to give instead.
	 * @return the fix
	 */
	public String getFix() {
		return this.fix;
	}

	static void requirePositive(Duration duration, String option) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidOptionException(option, duration, "the duration must be positive",
					"a positive duration such as 500ms, 10s or 1m");
		}
	}

	static void require(boolean valid, String option, Object value, String problem, String fix) {
		if (!valid) {
			throw new InvalidOptionException(option, value, problem, fix);
		}
	}

}
