package io.incore.websocket.boot.stomp;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.WebSocketEvent;

/**
 * Published, with {@code stomp.auto-receipt}, when the server acknowledged a subscription or a send with a RECEIPT
 * frame, or when the receipt did not come in time.
 *
 * @param clientName the name of the client, as configured under {@code incore.websocket.clients}
 * @param webSocket the client
 * @param receiptId the id of the receipt asked for
 * @param received whether it came; {@code false} when it was lost
 */
public record StompReceiptEvent(String clientName, WebSocket webSocket, String receiptId, boolean received)
		implements WebSocketEvent {
}
