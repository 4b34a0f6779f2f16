package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import io.incore.websocket.IpSocketError;
import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.WebSocketUrl;
import io.incore.websocket.internal.session.Failure;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;

import org.glassfish.tyrus.client.RedirectException;
import org.glassfish.tyrus.core.HandshakeException;

/**
 * Tells what a failure from Tyrus, Netty or the JDK means for the application: the {@link Failure} to report.
 */
final class TyrusFailures {

	private TyrusFailures() {
	}

	/**
	 * Classifies a failure of connecting to, or talking with, {@code uri}. The whole cause chain is examined:
	 * Tyrus wraps the real cause in one or two layers of {@code DeploymentException}.
	 */
	static Failure classify(Throwable failure, URI uri, WebSocketOptions options) {
		long handshakeTimeoutMillis = options.handshakeTimeout().toMillis();
		String target = WebSocketUrl.redact(uri.toString(), options.redactedNames());
		FrameChannelHandler.TlsFailedException tlsFailed = find(failure, FrameChannelHandler.TlsFailedException.class);
		if (tlsFailed != null) {
			String reason = tlsReason(tlsFailed);
			return new Failure(WebSocket.Error.SslError, IpSocketError.SslInternalError,
					"TLS with " + target + " failed on the open connection: " + reason, reason);
		}
		SSLException ssl = find(failure, SSLException.class);
		if (ssl != null || find(failure, NotSslRecordException.class) != null) {
			String reason = tlsReason(failure);
			return new Failure(WebSocket.Error.SslError, IpSocketError.SslHandshakeFailedError,
					"TLS handshake with " + target + " failed: " + reason, reason);
		}
		if (find(failure, UnknownHostException.class) != null
				|| find(failure, UnresolvedAddressException.class) != null) {
			return Failure.socket(IpSocketError.HostNotFoundError, "Host not found: '" + uri.getHost() + "' (" + target + ")");
		}
		ProxyRoute.ProxyFailureException proxy = find(failure, ProxyRoute.ProxyFailureException.class);
		if (proxy != null) {
			return Failure.socket(proxy.error(), proxy.getMessage() + " (" + target + ")");
		}
		if (find(failure, ClientHandshake.HandshakeClosedException.class) != null) {
			return Failure.socket(IpSocketError.RemoteHostClosedError, "The server at " + target
					+ " closed the connection during the opening handshake");
		}
		if (isReset(failure)) {
			return Failure.socket(IpSocketError.RemoteHostClosedError, "The server at " + target
					+ " reset the connection");
		}
		if (find(failure, ConnectTimeoutException.class) != null) {
			return Failure.socket(IpSocketError.SocketTimeoutError, "Connecting to " + target + " timed out after "
					+ handshakeTimeoutMillis + " ms");
		}
		if (find(failure, ConnectException.class) != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError,
					"Connection refused by " + uri.getHost() + ":" + port(uri) + " (" + target + ")");
		}
		TyrusConnector.HeadersUnavailableException headers = find(failure,
				TyrusConnector.HeadersUnavailableException.class);
		if (headers != null) {
			return Failure.socket(IpSocketError.SocketAccessError, "Could not compute the handshake headers for "
					+ target + ": " + headers.getMessage());
		}
		ClientHandshake.RedirectRefusedException downgrade = find(failure, ClientHandshake.RedirectRefusedException.class);
		if (downgrade != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, downgrade.getMessage() + " (" + target + ")");
		}
		RedirectException redirect = find(failure, RedirectException.class);
		if (redirect != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, "Following the redirects of " + target
					+ " failed: " + redirect.getMessage());
		}
		UpgradeRefusedException refused = find(failure, UpgradeRefusedException.class);
		if (refused != null) {
			return Failure.refused(refused.status(), "The server at " + target + " refused the WebSocket upgrade (HTTP "
					+ refused.status() + " " + refused.reasonPhrase() + ")" + ((refused.retryAfter() != null)
							? "; it asks to retry after " + refused.retryAfter().toSeconds() + " s" : ""),
					refused.retryAfter());
		}
		HandshakeResponse.NotHttpException notHttp = find(failure, HandshakeResponse.NotHttpException.class);
		if (notHttp != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, "The server at " + target
					+ " did not answer the opening handshake with HTTP; its answer begins " + notHttp.getMessage());
		}
		HandshakeResponse.HeadTooLargeException tooLarge = find(failure, HandshakeResponse.HeadTooLargeException.class);
		if (tooLarge != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, "The server at " + target
					+ " answered the opening handshake, but " + tooLarge.getMessage());
		}
		ClientHandshake.InvalidSwitchException invalid = find(failure, ClientHandshake.InvalidSwitchException.class);
		if (invalid != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, "The server at " + target
					+ " answered the opening handshake with 101 but " + invalid.getMessage());
		}
		HandshakeException handshake = find(failure, HandshakeException.class);
		if (handshake != null) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, "The server at " + target
					+ " rejected the WebSocket upgrade (HTTP " + handshake.getHttpStatusCode() + "): "
					+ handshake.getMessage());
		}
		if (find(failure, SocketTimeoutException.class) != null || find(failure, TimeoutException.class) != null
				|| messageContains(failure, "Handshake response not received")) {
			return Failure.socket(IpSocketError.SocketTimeoutError, "Connecting to " + target + " timed out after "
					+ handshakeTimeoutMillis + " ms");
		}
		if (find(failure, BindException.class) != null) {
			return Failure.socket(IpSocketError.SocketResourceError, "No local address available to reach " + target + ": "
					+ rootMessage(failure));
		}
		if (find(failure, SecurityException.class) != null) {
			return Failure.socket(IpSocketError.SocketAccessError, "Not permitted to connect to " + target + ": "
					+ rootMessage(failure));
		}
		return Failure.socket(IpSocketError.NetworkError, "Network error with " + target + ": " + rootMessage(failure));
	}

	/**
	 * Says why TLS failed. Bytes that are no TLS record are not shown as Netty's message shows them (every byte read,
	 * in hex): the usual cause is a server that does not speak TLS on that port.
	 */
	private static String tlsReason(Throwable failure) {
		if (find(failure, NotSslRecordException.class) != null) {
			return "the server's answer is not TLS (a ws:// or plain HTTP server on that port?)";
		}
		return rootMessage(failure);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "wss".equals(uri.getScheme()) ? 443 : 80;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		Throwable found = firstCause(failure, type::isInstance);
		return (found != null) ? type.cast(found) : null;
	}

	/**
	 * Whether the peer reset the connection (TCP RST), which Qt reports as {@code RemoteHostClosedError}, as it does
	 * for a close: the JDK and Netty say so only in the message of a {@code SocketException} or {@code IOException}.
	 */
	private static boolean isReset(Throwable failure) {
		return firstCause(failure, (cause) -> cause instanceof IOException && cause.getMessage() != null
				&& cause.getMessage().startsWith("Connection reset")) != null;
	}

	private static boolean messageContains(Throwable failure, String text) {
		return firstCause(failure, (cause) -> cause.getMessage() != null && cause.getMessage().contains(text)) != null;
	}

	/**
	 * Returns the first throwable of the cause chain, the failure itself included, that matches; {@code null} if
	 * none does.
	 */
	private static Throwable firstCause(Throwable failure, Predicate<Throwable> matches) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (matches.test(current)) {
				return current;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
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
