package io.incore.websocket.internal.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Judges a {@code 101 Switching Protocols} answer by RFC 6455 section 4.1 before Tyrus' engine sees it: the
 * {@code Upgrade} field must be {@code websocket} in any case, the {@code Connection} field must hold the token
 * {@code Upgrade} (among others, in one field line or several), {@code Sec-WebSocket-Accept} must answer the
 * key of the request, and {@code Sec-WebSocket-Protocol}, if present and not empty (which some servers send for
 * none), must name one of the subprotocols the request offered. A connection that fails these checks never opens:
 * it ends without a close frame, since no WebSocket connection was established (section 4.1: "fail the WebSocket
 * connection").
 * <p>
 * Why here: Tyrus reads only the first value of {@code Connection} and looks for {@code upgrade} anywhere in it, so
 * it refuses {@code keep-alive, Upgrade} and accepts {@code Upgraded}; and it reports each failure as an HTTP 500
 * the server never sent. A valid answer's {@code Connection} values are reordered so that the token comes first,
 * where Tyrus looks, which leaves its own checks passing.
 */
final class SwitchingProtocolsCheck {

	/** The request's field that a {@code 101} answer's {@code Sec-WebSocket-Accept} answers. */
	static final String KEY_FIELD = "Sec-WebSocket-Key";

	private static final String PROTOCOL_FIELD = "Sec-WebSocket-Protocol";

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private SwitchingProtocolsCheck() {
	}

	/**
	 * Checks the answer, and puts its {@code Upgrade} connection token first when it is valid.
	 * @param response a {@code 101} answer
	 * @param key the {@code Sec-WebSocket-Key} of the request
	 * @param offered the subprotocols the request offered
	 * @return what is wrong with it, as the end of a sentence ({@code its Upgrade field is missing}), or
	 * {@code null} if nothing is
	 */
	static String problem(HandshakeResponse response, String key, List<String> offered) {
		List<String> upgrade = response.getHeaders().get("Upgrade");
		if (upgrade == null || upgrade.isEmpty()) {
			return "its Upgrade field is missing";
		}
		if (upgrade.size() != 1 || !upgrade.get(0).equalsIgnoreCase("websocket")) {
			return "its Upgrade field is '" + String.join(", ", upgrade) + "', not websocket";
		}
		List<String> connection = response.getHeaders().get("Connection");
		if (connection == null || connection.isEmpty()) {
			return "its Connection field is missing";
		}
		if (connection.stream().noneMatch("upgrade"::equalsIgnoreCase)) {
			return "its Connection field '" + String.join(", ", connection) + "' lacks the token Upgrade";
		}
		List<String> accept = response.getHeaders().get("Sec-WebSocket-Accept");
		if (accept == null || accept.isEmpty()) {
			return "its Sec-WebSocket-Accept field is missing";
		}
		if (accept.size() != 1 || !accept.get(0).equals(accept(key))) {
			return "its Sec-WebSocket-Accept '" + String.join(", ", accept) + "' does not answer the key";
		}
		List<String> protocol = response.getHeaders().get(PROTOCOL_FIELD);
		if (protocol != null && protocol.size() > 1) {
			return "its Sec-WebSocket-Protocol '" + String.join(", ", protocol) + "' names more than one subprotocol";
		}
		String selected = (protocol != null && !protocol.isEmpty()) ? protocol.get(0) : "";
		if (!selected.isEmpty() && !offered.contains(selected)) {
			return "its Sec-WebSocket-Protocol '" + selected + "' names a subprotocol the client did not offer"
					+ (offered.isEmpty() ? " (it offered none)" : " (it offered " + String.join(", ", offered) + ")");
		}
		List<String> tokenFirst = new ArrayList<>(connection.size());
		connection.stream().filter("upgrade"::equalsIgnoreCase).findFirst().ifPresent(tokenFirst::add);
		connection.stream().filter((token) -> !token.equalsIgnoreCase("upgrade")).forEach(tokenFirst::add);
		response.getHeaders().put("Connection", tokenFirst);
		return null;
	}

	/**
	 * The {@code Sec-WebSocket-Accept} value that answers a key (RFC 6455 section 4.2.2).
	 */
	static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-1", ex);
		}
	}

}
