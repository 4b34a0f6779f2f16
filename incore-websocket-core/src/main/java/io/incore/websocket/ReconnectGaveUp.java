package io.incore.websocket;

/**
 * What {@link WebSocket#reconnectGaveUp} carries: how many reconnect attempts were made and why reconnecting
 * stopped, as it was when it stopped.
 *
 * @param attempts the reconnect attempts made since the last stable connection
 * @param reason why, e.g. {@code "gave up: closed with 1008 policy violation, which a reconnect will not fix"}
 */
public record ReconnectGaveUp(int attempts, String reason) {
}
