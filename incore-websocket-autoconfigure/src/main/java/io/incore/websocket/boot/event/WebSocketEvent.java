package io.incore.websocket.boot.event;

import io.incore.websocket.WebSocket;

/**
 * An application event published for a signal of a configured WebSocket client. There is one record type per
 * InCore signal, named after it ({@code textMessageReceived} → {@link TextMessageReceivedEvent}); listen to one
 * with {@code @EventListener(TextMessageReceivedEvent.class)}, to all of one client with
 * {@code @EventListener(condition = "#event.clientName() == 'feed'")} on a {@code WebSocketEvent} parameter.
 * <p>
 * Events of one client are published in signal order, one at a time, on the client's event context.
 */
public interface WebSocketEvent {

	/**
	 * Returns the name of the client, as configured under {@code incore.websocket.clients}.
	 * @return the client name
	 */
	String clientName();

	/**
	 * Returns the client.
	 * @return the WebSocket
	 */
	WebSocket webSocket();

}
