package io.incore.websocket;

import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * How a WebSocket with {@code autoConnect} reconnects: exponential backoff with jitter.
 * <p>
 * The delay before the n-th consecutive attempt is {@code min(maxDelay, initialDelay × multiplierⁿ⁻¹)}, then
 * spread by ± {@code jitter} of itself at random, so that many clients of one server do not reconnect in step.
 * The count starts again after a connection stayed open for {@code resetAfter}. A connection that the server (or
 * this client, for a protocol violation of the server) closed with one of {@code stopOnCloseCodes} is not
 * reconnected: those codes say that trying again will not help. Nor is an attempt whose opening handshake the
 * server refused with a 4xx status (401, 403, 404, ...) other than those of {@code retryOnHttpStatuses}.
 *
 * @param initialDelay the delay before the first reconnect attempt, positive
 * @param multiplier the growth of the delay per attempt, at least 1
 * @param maxDelay the longest delay, at least {@code initialDelay}
 * @param jitter the random spread as a fraction of the delay, from 0 (none) to 1
 * @param maxAttempts how many consecutive attempts to make before giving up; 0 for no limit
 * @param resetAfter how long a connection must stay open for the attempt count to start again, positive
 * @param stopOnCloseCodes the close codes after which no reconnect follows
 * @param retryOnHttpStatuses the 4xx statuses of a refused handshake that are retried all the same
 */
public record ReconnectPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
		int maxAttempts, Duration resetAfter, Set<Integer> stopOnCloseCodes, Set<Integer> retryOnHttpStatuses) {

	/**
	 * The close codes that stop reconnecting by default: 1002 protocol error, 1003 unsupported data, 1007 invalid
	 * payload data, 1008 policy violation, 1009 message too big, 1010 mandatory extension.
	 */
	public static final Set<Integer> DEFAULT_STOP_ON_CLOSE_CODES = Set.of(1002, 1003, 1007, 1008, 1009, 1010);

	/** The 4xx statuses retried by default: 408 request timeout, 429 too many requests. */
	public static final Set<Integer> DEFAULT_RETRY_ON_HTTP_STATUSES = Set.of(408, 429);

	/** The defaults: 1 s doubling up to 30 s, ± 20 % jitter, no attempt limit, reset after 30 s open. */
	public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofSeconds(1), 2.0,
			Duration.ofSeconds(30), 0.2, 0, Duration.ofSeconds(30));

	/**
	 * Creates a policy that stops on the {@linkplain #DEFAULT_STOP_ON_CLOSE_CODES default close codes}.
	 * @param initialDelay the first delay
	 * @param multiplier the growth per attempt
	 * @param maxDelay the longest delay
	 * @param jitter the random spread
	 * @param maxAttempts the attempt limit, 0 for none
	 * @param resetAfter the stable time that resets the count
	 */
	public ReconnectPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
			int maxAttempts, Duration resetAfter) {
		this(initialDelay, multiplier, maxDelay, jitter, maxAttempts, resetAfter, DEFAULT_STOP_ON_CLOSE_CODES);
	}

	/**
	 * Creates a policy that retries the {@linkplain #DEFAULT_RETRY_ON_HTTP_STATUSES default 4xx statuses}.
	 * @param initialDelay the first delay
	 * @param multiplier the growth per attempt
	 * @param maxDelay the longest delay
	 * @param jitter the random spread
	 * @param maxAttempts the attempt limit, 0 for none
	 * @param resetAfter the stable time that resets the count
	 * @param stopOnCloseCodes the close codes after which no reconnect follows
	 */
	public ReconnectPolicy(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
			int maxAttempts, Duration resetAfter, Set<Integer> stopOnCloseCodes) {
		this(initialDelay, multiplier, maxDelay, jitter, maxAttempts, resetAfter, stopOnCloseCodes,
				DEFAULT_RETRY_ON_HTTP_STATUSES);
	}

	/**
	 * Validates the policy.
	 * @param initialDelay the first delay
	 * @param multiplier the growth per attempt
	 * @param maxDelay the longest delay
	 * @param jitter the random spread
	 * @param maxAttempts the attempt limit, 0 for none
	 * @param resetAfter the stable time that resets the count
	 * @param stopOnCloseCodes the close codes after which no reconnect follows
	 * @param retryOnHttpStatuses the 4xx statuses of a refused handshake that are retried all the same
	 */
	public ReconnectPolicy {
		InvalidOptionException.requirePositive(initialDelay, "initialDelay");
		InvalidOptionException.requirePositive(maxDelay, "maxDelay");
		InvalidOptionException.requirePositive(resetAfter, "resetAfter");
		InvalidOptionException.require(multiplier >= 1.0 && !Double.isInfinite(multiplier), "multiplier", multiplier,
				"the delay must not shrink between attempts", "1 or more, e.g. 2");
		InvalidOptionException.require(maxDelay.compareTo(initialDelay) >= 0, "maxDelay", maxDelay,
				"it is shorter than the initial delay " + initialDelay, "at least the initial delay");
		InvalidOptionException.require(jitter >= 0.0 && jitter <= 1.0, "jitter", jitter,
				"the jitter is a fraction of the delay", "a value from 0 to 1, e.g. 0.2");
		InvalidOptionException.require(maxAttempts >= 0, "maxAttempts", maxAttempts,
				"the number of attempts cannot be negative", "0 for no limit or a positive number");
		InvalidOptionException.require(stopOnCloseCodes != null, "stopOnCloseCodes", null, "it is missing",
				"a list of close codes, possibly empty");
		for (int code : stopOnCloseCodes) {
			InvalidOptionException.require(code >= 1000 && code <= 4999, "stopOnCloseCodes", code,
					"a close code is between 1000 and 4999", "close codes such as 1008 or 4001");
		}
		stopOnCloseCodes = Set.copyOf(stopOnCloseCodes);
		InvalidOptionException.require(retryOnHttpStatuses != null, "retryOnHttpStatuses", null, "it is missing",
				"a list of HTTP statuses, possibly empty");
		retryOnHttpStatuses = Set.copyOf(retryOnHttpStatuses);
	}

	/**
	 * Returns the delay before a reconnect attempt.
	 * @param attempt the number of the attempt since the last stable connection, from 1
	 * @param random a source of uniformly distributed numbers in [0, 1)
	 * @return the delay
	 */
	public Duration delayBefore(int attempt, DoubleSupplier random) {
		double base = this.initialDelay.toNanos() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
		double capped = Math.min(base, this.maxDelay.toNanos());
		double spread = 1.0 + this.jitter * (2.0 * random.getAsDouble() - 1.0);
		return Duration.ofNanos(Math.round(capped * spread));
	}

	/**
	 * Tells whether a connection that ended with a close code is not to be reconnected.
	 * @param closeCode the code
	 * @return whether it stops reconnecting
	 */
	public boolean stopsOn(int closeCode) {
		return this.stopOnCloseCodes.contains(closeCode);
	}

	/**
	 * Tells whether an attempt whose opening handshake the server refused is not to be retried: a 4xx status
	 * other than those of {@code retryOnHttpStatuses}.
	 * @param httpStatus the status
	 * @return whether it stops reconnecting
	 */
	public boolean stopsOnRefusal(int httpStatus) {
		return httpStatus >= 400 && httpStatus < 500 && !this.retryOnHttpStatuses.contains(httpStatus);
	}

	/**
	 * Tells whether another attempt may be made.
	 * @param attempt the number of the attempt since the last stable connection, from 1
	 * @return whether it is within {@code maxAttempts}
	 */
	public boolean allows(int attempt) {
		return this.maxAttempts == 0 || attempt <= this.maxAttempts;
	}

}
