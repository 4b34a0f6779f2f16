package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code canReadLine} changed (the InCore signal {@code canReadLineChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record CanReadLineChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
