package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code autoConnect} changed (the InCore signal {@code autoConnectChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record AutoConnectChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
