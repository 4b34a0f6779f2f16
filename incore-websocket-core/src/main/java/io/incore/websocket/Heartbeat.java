package io.incore.websocket;

import java.time.Duration;

/**
 * A ping sent on an open connection every {@code interval}; when no pong arrives within {@code timeout} the
 * peer is considered dead: the connection is dropped, {@link IpSocketError#SocketTimeoutError} is reported and
 * {@code autoConnect} reconnects. The round-trip time of the last pong is kept
 * ({@link WebSocket#getLastRoundTripTime()}).
 *
 * @param interval the time between pings, positive
 * @param timeout how long to wait for each pong, positive
 */
public record Heartbeat(Duration interval, Duration timeout) {

	/**
	 * Validates the heartbeat.
	 * @param interval the time between pings
	 * @param timeout how long to wait for a pong
	 */
	public Heartbeat {
		ReconnectPolicy.requirePositive(interval, "interval");
		ReconnectPolicy.requirePositive(timeout, "timeout");
	}

}
