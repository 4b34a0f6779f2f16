package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code subProtocol} changed (the InCore signal {@code subProtocolChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record SubProtocolChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
