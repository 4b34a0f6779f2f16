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

	/**
	 * Validates the heartbeat.
	 * @param interval the time between pings
	 * @param timeout how long to wait for a pong
	 * @param maxMissed how many pings in a row may go unanswered
	 */
	public Heartbeat {
		ReconnectPolicy.requirePositive(interval, "interval");
		ReconnectPolicy.requirePositive(timeout, "timeout");
		if (maxMissed < 1) {
			throw new IllegalArgumentException("maxMissed must be at least 1 but was " + maxMissed);
		}
	}

	/**
	 * Creates a heartbeat that gives the peer up at the first unanswered ping.
	 * @param interval the time between pings
	 * @param timeout how long to wait for a pong
	 */
	public Heartbeat(Duration interval, Duration timeout) {
		this(interval, timeout, 1);
	}

}
