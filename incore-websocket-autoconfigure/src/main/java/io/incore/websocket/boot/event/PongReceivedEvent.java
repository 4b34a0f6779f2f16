package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client received a pong (the Java signal {@code pongReceived}): the answer to a ping of the
 * application or of the heartbeat, or an unsolicited one.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param payload the pong's payload; shared with other listeners, do not modify it
 */
public record PongReceivedEvent(String clientName, WebSocket webSocket, byte[] payload) implements WebSocketEvent {

	@Override
	public String toString() {
		return "PongReceivedEvent[clientName=" + this.clientName + ", webSocket=" + this.webSocket + ", payload="
				+ this.payload.length + " bytes]";
	}

}
