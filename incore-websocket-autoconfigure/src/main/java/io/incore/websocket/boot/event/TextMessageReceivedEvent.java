package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client received a text message (the InCore signal {@code textMessageReceived}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param message the message
 */
public record TextMessageReceivedEvent(String clientName, WebSocket webSocket, String message) implements WebSocketEvent {
}
