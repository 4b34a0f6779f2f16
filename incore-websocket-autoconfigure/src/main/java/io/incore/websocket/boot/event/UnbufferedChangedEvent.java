package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client's {@code unbuffered} changed (the InCore signal {@code unbufferedChanged}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record UnbufferedChangedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
