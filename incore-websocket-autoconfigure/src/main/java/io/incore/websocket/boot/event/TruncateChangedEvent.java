package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code truncate} changed (the InCore signal {@code truncateChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record TruncateChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
