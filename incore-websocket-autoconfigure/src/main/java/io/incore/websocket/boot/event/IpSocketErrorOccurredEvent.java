package io.incore.websocket.boot.event;

import io.incore.websocket.IpSocketError;
import io.incore.websocket.WebSocket;

/**
 * Published when a socket-level error occurred on the client (the InCore signal {@code ipSocketErrorOccurred}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param socketError the socket error code
 */
public record IpSocketErrorOccurredEvent(String clientName, WebSocket webSocket, IpSocketError socketError) implements WebSocketEvent {
}
