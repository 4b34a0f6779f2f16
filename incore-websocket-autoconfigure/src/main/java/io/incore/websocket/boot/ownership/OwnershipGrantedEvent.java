package io.incore.websocket.boot.ownership;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.WebSocketEvent;

/**
 * Published when this instance became the owner of a client's role and connects the client.
 *
 * @param clientName the name of the client
 * @param webSocket the client
 * @param role the role
 */
public record OwnershipGrantedEvent(String clientName, WebSocket webSocket, String role) implements WebSocketEvent {
}
