package io.incore.websocket.internal.session;

import java.time.Duration;

import io.incore.websocket.IpSocketError;
import io.incore.websocket.WebSocket;

/**
 * An error as the application is told it.
 *
 * @param error the {@code error} property's value
 * @param socketError the code for {@code ipSocketErrorOccurred}, or {@code null} for none
 * @param message the {@code errorString}, secrets redacted
 * @param sslReason the reason for {@code sslErrorOccurred}, or {@code null} if it was no TLS failure
 * @param httpStatus the HTTP status the server refused the opening handshake with, 0 if it did not
 * @param retryAfter the delay the server asked for before the next attempt, {@code null} for none
 */
public record Failure(WebSocket.Error error, IpSocketError socketError, String message, String sslReason,
		int httpStatus, Duration retryAfter) {

	/**
	 * Creates a failure that is no refused handshake.
	 * @param error the {@code error} property's value
	 * @param socketError the code for {@code ipSocketErrorOccurred}, or {@code null}
	 * @param message the {@code errorString}
	 * @param sslReason the TLS reason, or {@code null}
	 */
	public Failure(WebSocket.Error error, IpSocketError socketError, String message, String sslReason) {
		this(error, socketError, message, sslReason, 0, null);
	}

	/**
	 * A socket-level error.
	 * @param socketError its code
	 * @param message its text
	 * @return the failure
	 */
	public static Failure socket(IpSocketError socketError, String message) {
		return new Failure(WebSocket.Error.IpSocketError, socketError, message, null);
	}

	/**
	 * The server refused the opening handshake with an HTTP status. Decision, as Qt does: the socket error is
	 * {@code ConnectionRefusedError}.
	 * @param httpStatus the status
	 * @param message the text
	 * @param retryAfter the delay the server asked for, or {@code null}
	 * @return the failure
	 */
	public static Failure refused(int httpStatus, String message, Duration retryAfter) {
		return new Failure(WebSocket.Error.IpSocketError, IpSocketError.ConnectionRefusedError, message, null,
				httpStatus, retryAfter);
	}



}
