package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of a {@code 101} answer, on its own; over real sockets in {@code SwitchingProtocolsAnswerTests}.
 */
class SwitchingProtocolsCheckTests {

	private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

	@Test
	void theAcceptOfTheKeyInRfc6455IsTheOneItGives() {
		assertThat(SwitchingProtocolsCheck.accept(KEY)).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	}

	@Test
	void aValidAnswerHasItsUpgradeTokenPutFirstWithTheOthersKept() throws IOException {
		HandshakeResponse response = read("Upgrade: websocket\r\nConnection: keep-alive, UPGRADE, close\r\n"
				+ "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
		assertThat(SwitchingProtocolsCheck.problem(response, KEY, List.of())).isNull();
		assertThat(response.getHeaders().get("connection")).containsExactly("UPGRADE", "keep-alive", "close");
	}

	@Test
	void anInvalidAnswerIsLeftAsItCame() throws IOException {
		HandshakeResponse response = read("Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
				+ "Sec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==\r\n");
		assertThat(SwitchingProtocolsCheck.problem(response, KEY, List.of()))
			.isEqualTo("its Sec-WebSocket-Accept 'dGhlIHNhbXBsZSBub25jZQ==' does not answer the key");
		assertThat(response.getHeaders().get("Connection")).containsExactly("keep-alive", "Upgrade");
	}

	private static HandshakeResponse read(String fields) throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] bytes = ("HTTP/1.1 101 Switching Protocols\r\n" + fields + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		reader.read(bytes, 0, bytes.length);
		return reader.response();
	}

}
