package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	/**
	 * An answer that is not HTTP is refused as soon as that shows: a greeting of another protocol by its first five
	 * bytes; a first line that is not a status line (no status code, one outside 100-599) at its end; after empty
	 * lines and interim answers too.
	 */
	@ParameterizedTest(name = "{2}")
	@MethodSource("answersThatAreNotHttp")
	void anAnswerThatIsNotHttpIsRefusedWhereItShowsAndQuoted(String answer, int refusedAt, String quoted) {
		assertRefusedAfter(answer, refusedAt, quoted);
	}

	static Stream<Arguments> answersThatAreNotHttp() {
		return Stream.of(Arguments.of("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", 5, "'SSH-2'"),
				Arguments.of("220 mail.example.com ESMTP\r\n", 5, "'220 m'"),
				Arguments.of("\u0015\u0003\u0001\u0000\u0002\u0002\u0050", 5, "'?????'"),
				Arguments.of("HTTP/1.1 OK\r\nUpgrade: websocket\r\n\r\n", 13, "'HTTP/1.1 OK'"),
				Arguments.of("HTTP/1.1 1O1 Switching Protocols\n\n", 33, "'HTTP/1.1 1O1 Switching Protocols'"),
				Arguments.of("HTTP/1.1 001 Switching Protocols\r\n\r\n", 34, "'HTTP/1.1 001 Switching Protocols'"),
				Arguments.of("HTTP/1.1 099\r\n\r\n", 14, "'HTTP/1.1 099'"),
				Arguments.of("HTTP/1.1 600 Custom\r\n\r\n", 21, "'HTTP/1.1 600 Custom'"),
				Arguments.of("\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nSSH-2", 34, "'SSH-2'"));
	}

	/**
	 * Feeds the answer one byte at a time and checks that it is refused with the byte given (counted from 1).
	 */
	private static void assertRefusedAfter(String answer, int refusedAt, String quoted) {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < refusedAt - 1; i++) {
			int at = i;
			assertThatCode(() -> reader.read(bytes, at, at + 1)).as("byte %d of %s", at + 1, quoted)
				.doesNotThrowAnyException();
		}
		assertThatExceptionOfType(HandshakeResponse.NotHttpException.class)
			.isThrownBy(() -> reader.read(bytes, refusedAt - 1, refusedAt))
			.withMessage(quoted);
	}

	@Test
	void aGreetingReadInOneGoIsQuotedToTheEndOfItsLine() throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] bytes = "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\nmore".getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(HandshakeResponse.NotHttpException.class)
			.isThrownBy(() -> reader.read(bytes, 0, bytes.length))
			.withMessage("'SSH-2.0-OpenSSH_9.2p1 Debian-2'");
	}

	@Test
	void aHeadWithoutEndIsRefusedPastItsLimit() throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] statusLine = "HTTP/1.1 101 Switching Protocols\r\n".getBytes(StandardCharsets.ISO_8859_1);
		reader.read(statusLine, 0, statusLine.length);
		byte[] chunk = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(HandshakeResponse.HeadTooLargeException.class).isThrownBy(() -> {
			for (int i = 0; i < HandshakeResponse.MAX_HEAD; i++) {
				reader.read(chunk, 0, chunk.length);
			}
		}).withMessageContaining("no end within " + HandshakeResponse.MAX_HEAD);
	}

	/**
	 * Answers with characters changed, added and removed (line ends, spaces, colons, quotes, digits, bytes beyond
	 * ASCII), read in pieces of random size: each is read and judged, or refused with an {@link IOException}; no
	 * other exception comes out. The seed is fixed, so a failure repeats.
	 */
	@Test
	void corruptAnswersAreReadAndJudgedOrRefusedButNeverBreakTheReader() {
		Random random = new Random(6455);
		String alphabet = "\r\n :,\"\tHTP/1.0 abcXYZ;=\u00ff\u0000";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder answer = new StringBuilder((random.nextInt(5) == 0) ? "HTTP/1.1 100 Continue\r\n\r\n" : "");
			answer.append(SWITCHING.replace("\r\n\r\n", "\r\n \tfolded\r\n\r\n"));
			for (int edits = random.nextInt(6); edits > 0; edits--) {
				int at = random.nextInt(answer.length());
				char c = alphabet.charAt(random.nextInt(alphabet.length()));
				switch (random.nextInt(3)) {
					case 0 -> answer.setCharAt(at, c);
					case 1 -> answer.insert(at, c);
					default -> answer.deleteCharAt(at);
				}
			}
			byte[] bytes = answer.toString().getBytes(StandardCharsets.ISO_8859_1);
			assertThatCode(() -> readAndJudge(bytes, random))
				.as("%s", answer.toString().replace("\r", "\\r").replace("\n", "\\n"))
				.satisfiesAnyOf((thrown) -> assertThat(thrown).isNull(),
						(thrown) -> assertThat(thrown).isInstanceOf(IOException.class));
		}
	}

	private static void readAndJudge(byte[] bytes, Random random) throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		int position = 0;
		while (position < bytes.length) {
			int length = 1 + random.nextInt(bytes.length - position);
			if (reader.read(bytes, position, position + length) >= 0) {
				HandshakeResponse response = reader.response();
				assertThat(response.getStatus()).isBetween(100, 999);
				SwitchingProtocolsCheck.problem(response, "dGhlIHNhbXBsZSBub25jZQ==", List.of("chat"));
				return;
			}
			position += length;
		}
	}

	private static HandshakeResponse read(String head) throws IOException {
		HandshakeResponse.Reader reader = new HandshakeResponse.Reader();
		byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(reader.read(bytes, 0, bytes.length)).isEqualTo(bytes.length);
		return reader.response();
	}

}
