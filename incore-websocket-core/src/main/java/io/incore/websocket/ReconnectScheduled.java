package io.incore.websocket;

import java.time.Duration;

/**
 * What {@link WebSocket#reconnectScheduled} carries: the reconnect attempt the policy scheduled, when it will
 * run and why the connection is being re-established.
 *
 * @param attempt the number of the attempt since the last stable connection, from 1
 * @param delay the delay before it
 * @param cause the error or close that ended the last connection or attempt, secrets redacted
 */
public record ReconnectScheduled(int attempt, Duration delay, String cause) {
}
