package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when a TLS error occurred on the client (the InCore signal {@code sslErrorOccurred}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param errorString the reason of the TLS failure
 */
public record SslErrorOccurredEvent(String clientName, WebSocket webSocket, String errorString) implements WebSocketEvent {
}
