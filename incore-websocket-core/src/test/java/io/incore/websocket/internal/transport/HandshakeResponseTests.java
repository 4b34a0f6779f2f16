package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Reading the head of the server's answer to the opening handshake, in pieces of any size.
 */
class HandshakeResponseTests {

	private static final String SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
			+ "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
			+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-other\r\n"
			+ "Retry-After: \"Wed, 21 Oct 2026 07:28:00 GMT\"\r\n\r\n";

	@Test
	void theHeadIsFoundWhereverItIsCutAndWhatFollowsIsLeftAlone() throws IOException {
		byte[] bytes = (SWITCHING + "\u0081\u0002hi").getBytes(StandardCharsets.ISO_8859_1);
		int headLength = SWITCHING.length();
		for (int cut = 1; cut < bytes.length; cut++) {
			HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
			int end = reader.read(bytes, 0, cut);
			if (end < 0) {
				end = reader.read(bytes, cut, bytes.length);
				assertThat(end).as("cut at %d", cut).isEqualTo(headLength);
			}
			else {
				assertThat(end).as("cut at %d", cut).isEqualTo(headLength);
			}
			assertThat(reader.response().getStatus()).isEqualTo(101);
		}
	}

	@Test
	void statusReasonAndHeadersAreReadCaseInsensitivelyAndListsSplitOutsideQuotes() throws IOException {
		HandshakeResponse response = read(SWITCHING);
		assertThat(response.getStatus()).isEqualTo(101);
		assertThat(response.getReasonPhrase()).isEqualTo("Switching Protocols");
		assertThat(response.getFirstHeaderValue("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
		assertThat(response.getHeaders().get("SEC-WEBSOCKET-EXTENSIONS"))
			.containsExactly("permessage-deflate; client_max_window_bits", "x-other");
		assertThat(response.getHeaders().get("Retry-After")).containsExactly("\"Wed, 21 Oct 2026 07:28:00 GMT\"");
	}

	@Test
	void linesEndingInABareLineFeedAreReadAsWell() throws IOException {
		String head = SWITCHING.replace("\r\n", "\n");
		byte[] bytes = (head + "\u0081\u0002hi").getBytes(StandardCharsets.ISO_8859_1);
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		assertThat(reader.read(bytes, 0, bytes.length)).isEqualTo(head.length());
		HandshakeResponse response = reader.response();
		assertThat(response.getStatus()).isEqualTo(101);
		assertThat(response.getFirstHeaderValue("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	}

	@Test
	void anInterimAnswerIsSkippedWhereverTheBytesAreCut() throws IOException {
		String interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n";
		byte[] bytes = (interim + SWITCHING + "\u0081\u0002hi").getBytes(StandardCharsets.ISO_8859_1);
		int headsLength = interim.length() + SWITCHING.length();
		for (int cut = 1; cut < bytes.length; cut++) {
			HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
			int end = reader.read(bytes, 0, cut);
			if (end < 0) {
				end = reader.read(bytes, cut, bytes.length);
			}
			assertThat(end).as("cut at %d", cut).isEqualTo(headsLength);
			HandshakeResponse response = reader.response();
			assertThat(response.getStatus()).isEqualTo(101);
			assertThat(response.getHeaders()).doesNotContainKey("Link");
		}
	}

	@Test
	void emptyLinesBeforeTheStatusLineAreSkippedAndAFoldedValueIsJoined() throws IOException {
		HandshakeResponse response = read("\r\nHTTP/1.1 403 Forbidden\r\nX-Reason: not\r\n\t today\r\n\r\n");
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getFirstHeaderValue("X-Reason")).isEqualTo("not today");
	}

	@Test
	void aRefusalIsReadLikeAnyOtherAnswer() throws IOException {
		HandshakeResponse response = read("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\n\r\n");
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getFirstHeaderValue("www-authenticate")).isEqualTo("Basic realm=\"x\"");
	}

	@Test
	void anAnswerThatIsNotHttpIsRefused() throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] bytes = "SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(reader.read(bytes, 0, bytes.length)).isPositive();
		assertThatIOException().isThrownBy(reader::response).withMessageContaining("SSH-2.0-OpenSSH");
	}

	@Test
	void aHeadWithoutEndIsRefusedPastItsLimit() {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] chunk = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatIOException().isThrownBy(() -> {
			for (int i = 0; i < HandshakeResponse.MAX_HEAD; i++) {
				reader.read(chunk, 0, chunk.length);
			}
		}).withMessageContaining("no end within " + HandshakeResponse.MAX_HEAD);
	}

	private static HandshakeResponse read(String head) throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(reader.read(bytes, 0, bytes.length)).isEqualTo(bytes.length);
		return reader.response();
	}

}
