package io.incore.websocket;

import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.glassfish.tyrus.core.HandshakeException;

/**
 * What a transport exception means for the InCore error properties: the {@link WebSocket.Error}, the
 * {@link IpSocketError} and a message that says what happened where.
 *
 * @param error the WebSocket error
 * @param socketError the socket error code
 * @param message the human-readable text for {@code errorString}
 * @param sslReason for TLS failures, the reason passed to {@code sslErrorOccurred}; otherwise {@code null}
 */
record TransportFailure(WebSocket.Error error, IpSocketError socketError, String message, String sslReason) {

	static TransportFailure socket(IpSocketError socketError, String message) {
		return new TransportFailure(WebSocket.Error.IpSocketError, socketError, message, null);
	}

	/**
	 * Classifies a failure of connecting to, or talking with, {@code uri}. The whole cause chain is examined:
	 * Tyrus wraps the real cause in one or two layers of {@code DeploymentException}.
	 */
	static TransportFailure classify(Throwable failure, URI uri, long handshakeTimeoutMillis) {
		String target = WebSocketUrl.redact(uri.toString());
		SSLException ssl = find(failure, SSLException.class);
		if (ssl != null) {
			String reason = rootMessage(ssl);
			return new TransportFailure(WebSocket.Error.SslError, IpSocketError.SslHandshakeFailedError,
					"TLS handshake with " + target + " failed: " + reason, reason);
		}
		if (find(failure, UnknownHostException.class) != null
				|| find(failure, UnresolvedAddressException.class) != null) {
			return socket(IpSocketError.HostNotFoundError, "Host not found: '" + uri.getHost() + "' (" + target + ")");
		}
		if (find(failure, ConnectException.class) != null) {
			return socket(IpSocketError.ConnectionRefusedError,
					"Connection refused by " + uri.getHost() + ":" + port(uri) + " (" + target + ")");
		}
		HandshakeException handshake = find(failure, HandshakeException.class);
		if (handshake != null) {
			return socket(IpSocketError.ConnectionRefusedError, "The server at " + target
					+ " rejected the WebSocket upgrade (HTTP " + handshake.getHttpStatusCode() + "): "
					+ handshake.getMessage());
		}
		if (find(failure, SocketTimeoutException.class) != null || find(failure, TimeoutException.class) != null
				|| messageContains(failure, "Handshake response not received")) {
			return socket(IpSocketError.SocketTimeoutError, "Connecting to " + target + " timed out after "
					+ handshakeTimeoutMillis + " ms");
		}
		if (find(failure, BindException.class) != null) {
			return socket(IpSocketError.SocketResourceError, "No local address available to reach " + target + ": "
					+ rootMessage(failure));
		}
		if (find(failure, SecurityException.class) != null) {
			return socket(IpSocketError.SocketAccessError, "Not permitted to connect to " + target + ": "
					+ rootMessage(failure));
		}
		return socket(IpSocketError.NetworkError, "Network error with " + target + ": " + rootMessage(failure));
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "wss".equals(uri.getScheme()) ? 443 : 80;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	private static boolean messageContains(Throwable failure, String text) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current.getMessage() != null && current.getMessage().contains(text)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null && !message.isBlank()) ? message : root.getClass().getSimpleName();
	}

}
