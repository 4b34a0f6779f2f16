package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code isWritable} changed (the InCore signal {@code isWritableChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record IsWritableChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
