package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when an error occurred on the client, even a repeat of the current one (the InCore signal {@code errorOccurred}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record ErrorOccurredEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
