package io.incore.websocket.internal.session;

import io.incore.websocket.IpSocketError;
import io.incore.websocket.WebSocket;

/**
 * An error as the application is told it.
 *
 * @param error the {@code error} property's value
 * @param socketError the code for {@code ipSocketErrorOccurred}, or {@code null} for none
 * @param message the {@code errorString}, secrets redacted
 * @param sslReason the reason for {@code sslErrorOccurred}, or {@code null} if it was no TLS failure
 */
public record Failure(WebSocket.Error error, IpSocketError socketError, String message, String sslReason) {

	/**
	 * A socket-level error.
	 * @param socketError its code
	 * @param message its text
	 * @return the failure
	 */
	public static Failure socket(IpSocketError socketError, String message) {
		return new Failure(WebSocket.Error.IpSocketError, socketError, message, null);
	}

}
