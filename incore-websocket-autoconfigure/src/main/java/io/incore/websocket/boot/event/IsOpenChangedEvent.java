package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code isOpen} changed (the InCore signal {@code isOpenChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record IsOpenChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
