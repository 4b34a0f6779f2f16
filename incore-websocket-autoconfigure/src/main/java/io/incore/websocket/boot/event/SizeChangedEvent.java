package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code size} changed (the InCore signal {@code sizeChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record SizeChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
