package io.incore.websocket.internal.transport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.incore.websocket.WebSocketUrl;

/**
 * Logs the opening handshake at DEBUG on the logger {@code io.incore.websocket.handshake}: the request line and
 * headers sent, the status line and headers received, with the URL and every credential-like header value
 * redacted ({@link WebSocketUrl#isSecretName(String)} and the options' own names), so that a user can see why a
 * server said no.
 */
final class HandshakeLog {

	private static final Logger logger = System.getLogger("io.incore.websocket.handshake");

	private HandshakeLog() {
	}

	static void request(URI uri, Map<String, List<String>> headers, Set<String> redactedNames) {
		if (logger.isLoggable(Level.DEBUG)) {
			logger.log(Level.DEBUG, "Upgrade request GET " + WebSocketUrl.redact(uri.toString(), redactedNames) + " "
					+ shown(headers, redactedNames));
		}
	}

	static void response(URI uri, HandshakeResponse response, Set<String> redactedNames) {
		if (logger.isLoggable(Level.DEBUG)) {
			logger.log(Level.DEBUG, "Upgrade response from " + WebSocketUrl.redact(uri.toString(), redactedNames)
					+ ": HTTP " + response.getStatus() + " " + response.getReasonPhrase() + " "
					+ shown(response.getHeaders(), redactedNames));
		}
	}

	private static String shown(Map<String, List<String>> headers, Set<String> redactedNames) {
		return headers.entrySet().stream()
			.map((header) -> header.getKey() + ": " + (WebSocketUrl.isSecretName(header.getKey(), redactedNames) ? "***"
					: String.join(", ", header.getValue())))
			.collect(Collectors.joining(", ", "[", "]"));
	}

}
