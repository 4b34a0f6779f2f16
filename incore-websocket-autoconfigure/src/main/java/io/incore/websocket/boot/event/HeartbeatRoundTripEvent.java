package io.incore.websocket.boot.event;

import java.time.Duration;

import io.incore.websocket.WebSocket;

/**
 * Published when a heartbeat pong arrived (the Java signal {@code heartbeatRoundTrip}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param roundTrip the time from the ping to its pong
 */
public record HeartbeatRoundTripEvent(String clientName, WebSocket webSocket, Duration roundTrip)
		implements WebSocketEvent {
}
