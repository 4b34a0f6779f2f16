package io.incore.websocket.boot.ownership;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.WebSocketEvent;

/**
 * Published when this instance stopped owning a client's role and closed the client with 1001.
 *
 * @param clientName the name of the client
 * @param webSocket the client
 * @param role the role
 * @param reason why: the lock was lost, not renewed in time, yielded, or the application stops
 */
public record OwnershipRevokedEvent(String clientName, WebSocket webSocket, String role, String reason)
		implements WebSocketEvent {
}
