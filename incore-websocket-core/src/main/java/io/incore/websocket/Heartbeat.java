package io.incore.websocket;

import java.time.Duration;

/**
 * A ping sent on an open connection every {@code interval}; when the pongs of {@code maxMissed} pings in a row
 * do not arrive, each within {@code timeout}, the peer is considered dead: the connection is dropped,
 * {@link IpSocketError#SocketTimeoutError} is reported and {@code autoConnect} reconnects. Any pong ends a run of
 * misses. The round-trip time of the last pong is kept ({@link WebSocket#getLastRoundTripTime()}) and each one is
 * emitted ({@link WebSocket#heartbeatRoundTrip}).
 *
 * @param interval the time between pings, positive
 * @param timeout how long to wait for each pong, positive
 * @param maxMissed how many pings in a row may go unanswered before the peer is considered dead, at least 1
 */
public record Heartbeat(Duration interval, Duration timeout, int maxMissed) {

	/** The pong timeout a configuration uses when it sets only the interval: 10 seconds. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** The unanswered pings a configuration tolerates when it does not say: 1. */
	public static final int DEFAULT_MAX_MISSED = 1;

	/**
	 * Validates the heartbeat.
	 * @param interval the time between pings
	 * @param timeout how long to wait for a pong
	 * @param maxMissed how many pings in a row may go unanswered
	 */
	public Heartbeat {
		InvalidOptionException.requirePositive(interval, "interval");
		InvalidOptionException.requirePositive(timeout, "timeout");
		InvalidOptionException.require(maxMissed >= 1, "maxMissed", maxMissed,
				"at least one ping must go unanswered before the connection is given up", "1 (the default) or more");
	}

	/**
	 * Creates a heartbeat that gives the peer up at the first unanswered ping.
	 * @param interval the time between pings
	 * @param timeout how long to wait for a pong
	 */
	public Heartbeat(Duration interval, Duration timeout) {
		this(interval, timeout, DEFAULT_MAX_MISSED);
	}

}
