package io.incore.websocket.internal.session;

import java.util.Arrays;
import java.util.List;

/**
 * The subprotocols a {@code subProtocol} value requests: one name, or several separated by commas in order of
 * preference, as the {@code Sec-WebSocket-Protocol} header lists them (RFC 6455 section 4.1).
 */
final class SubProtocols {

	private SubProtocols() {
	}

	static List<String> parse(String subProtocol) {
		return Arrays.stream(subProtocol.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
	}

}
