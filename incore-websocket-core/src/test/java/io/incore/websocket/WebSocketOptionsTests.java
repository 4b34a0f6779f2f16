package io.incore.websocket;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The headers {@link WebSocketOptions} accept: none that the opening handshake or another option sets.
 */
class WebSocketOptionsTests {

	@ParameterizedTest
	@CsvSource({ "Upgrade, the opening handshake", "connection, the opening handshake",
			"Sec-WebSocket-Key, the opening handshake", "SEC-WEBSOCKET-VERSION, the opening handshake",
			"Sec-WebSocket-Protocol, the subProtocol property", "sec-websocket-extensions, the compression settings" })
	void aHeaderTheHandshakeSetsIsRefusedWithWhatSetsIt(String name, String owner) {
		assertThatExceptionOfType(InvalidOptionException.class)
			.isThrownBy(() -> WebSocketOptions.builder().header("Authorization", "Bearer secret").header(name, "x").build())
			.satisfies((ex) -> {
				assertThat(ex.getOption()).isEqualTo("headers");
				assertThat(ex.getValue()).isEqualTo(name);
				assertThat(ex.getProblem()).isEqualTo(name + " is set by " + owner);
				assertThat(ex.getFix()).isEqualTo("headers without " + name);
				assertThat(ex.getMessage()).doesNotContain("secret");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "Host", "Origin", "Authorization", "Cookie", "X-Upgrade" })
	void otherHeadersAreTheApplications(String name) {
		assertThat(WebSocketOptions.builder().header(name, "x").build().headers()).isEqualTo(Map.of(name, "x"));
	}

}
