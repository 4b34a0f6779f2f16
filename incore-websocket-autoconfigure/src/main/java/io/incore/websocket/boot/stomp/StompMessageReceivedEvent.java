package io.incore.websocket.boot.stomp;

import java.nio.charset.StandardCharsets;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.WebSocketEvent;

import org.springframework.messaging.simp.stomp.StompHeaders;

/**
 * Published for every STOMP MESSAGE a configured client received on one of its subscriptions.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param destination the destination the message was sent to
 * @param headers the frame's headers
 * @param payload the frame's body; shared with other listeners, do not modify it
 */
public record StompMessageReceivedEvent(String clientName, WebSocket webSocket, String destination,
		StompHeaders headers, byte[] payload) implements WebSocketEvent {

	/**
	 * Returns the body as UTF-8 text.
	 * @return the text
	 */
	public String payloadAsString() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "StompMessageReceivedEvent[clientName=" + this.clientName + ", destination=" + this.destination
				+ ", payload=" + this.payload.length + " bytes]";
	}

}
