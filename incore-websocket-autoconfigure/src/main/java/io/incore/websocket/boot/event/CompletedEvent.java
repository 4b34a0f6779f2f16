package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client was completed: its start-up (connect or open) has begun (the InCore signal {@code completed}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record CompletedEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
