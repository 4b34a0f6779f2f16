package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when new data became readable from the client's IoDevice read stream (the InCore signal {@code readyRead}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record ReadyReadEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
