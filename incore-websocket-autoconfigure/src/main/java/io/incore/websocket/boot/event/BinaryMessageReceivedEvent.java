package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * Published when the client received a binary message (the InCore signal {@code binaryMessageReceived}).
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param message the payload; shared with other listeners, do not modify it
 */
public record BinaryMessageReceivedEvent(String clientName, WebSocket webSocket, byte[] message) implements WebSocketEvent {

	@Override
	public String toString() {
		return "BinaryMessageReceivedEvent[clientName=" + this.clientName + ", webSocket=" + this.webSocket
				+ ", message=" + this.message.length + " bytes]";
	}

}
