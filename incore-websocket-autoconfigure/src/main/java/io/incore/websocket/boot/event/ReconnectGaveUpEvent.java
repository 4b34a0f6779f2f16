package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's reconnect policy allows no further attempt (the Java signal
 * {@code reconnectGaveUp}); only a call of {@code connectToHost()} or {@code open()} connects again.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param attempts the reconnect attempts made
 */
public record ReconnectGaveUpEvent(String clientName, WebSocket webSocket, int attempts) implements WebSocketEvent {
}
