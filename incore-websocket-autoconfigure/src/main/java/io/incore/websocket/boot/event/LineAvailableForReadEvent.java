package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when a complete line became readable from the client's IoDevice read stream (the InCore signal {@code lineAvailableForRead}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 */
public record LineAvailableForReadEvent(String clientName, WebSocket webSocket) implements WebSocketEvent {
}
