package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that breaks RFC 6455 or ends connections at awkward moments, over real sockets: what it receives from
 * the client, and what the application is told. The close timeout is a minute wherever the client must not wait
 * for it, so that a client that did wait fails the test's ten-second deadline.
 */
class ServerMisbehaviourTests {

	private static final TestCertificates LOCALHOST = TestCertificates.generate("localhost", "127.0.0.1");

	private static final WebSocketOptions PATIENT = WebSocketOptions.builder()
		.closeTimeout(Duration.ofMinutes(1))
		.build();

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private SignalRecorder connect(WebSocketOptions options, String url) {
		this.socket = new WebSocket(null, options);
		return SignalRecorder.connectedTo(this.socket, url);
	}

	@Test
	void aMaskedFrameFromTheServerFailsTheConnectionWith1002() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			ByteArrayOutputStream frames = new ByteArrayOutputStream();
			RawWebSocketServer.writeFrame(frames, 0x81, utf8("before"), false);
			frames.writeBytes(new byte[] { (byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2 });
			out.write(frames.toByteArray());
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1002);
			assertThat(recorder.argumentsOf("textMessageReceived")).containsExactly("before");
			assertThat(this.socket.getCloseCode()).isEqualTo(1002);
			assertThat(this.socket.getErrorString()).contains("masked frame").contains("1002");
			assertThat(recorder.names()).containsSubsequence("textMessageReceived", "errorOccurred", "disconnected");
		}
	}

	/**
	 * A server that sends pings faster than it reads: 100,000 of them, 13 MB of pongs, more than the socket buffers
	 * of both ends hold. Every ping used to get its pong queued, so what waited to be written grew with the flood
	 * (a real server's flood made a client run out of memory). Once the connection has no room, only the latest
	 * ping is answered after the pong before it (RFC 6455 section 5.5.3), in order, and the last ping is answered.
	 */
	@Test
	void aServerThatFloodsPingsWithoutReadingGetsFewerPongsInOrderAndTheLastOne() throws Exception {
		int pings = 100_000;
		BlockingQueue<List<Integer>> answered = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			ByteArrayOutputStream chunk = new ByteArrayOutputStream();
			for (int i = 0; i <= pings; i++) {
				RawWebSocketServer.writeFrame(chunk, 0x89, utf8(String.format("%06d", i) + "p".repeat(119)), false);
				if (chunk.size() > 1 << 20 || i == pings) {
					out.write(chunk.toByteArray());
					chunk.reset();
				}
			}
			List<Integer> pongs = new ArrayList<>();
			while (pongs.isEmpty() || pongs.get(pongs.size() - 1) != pings) {
				RawWebSocketServer.Frame frame = RawWebSocketServer.readFrame(in);
				if (frame.opcode() == 0xA) {
					pongs.add(Integer.parseInt(new String(frame.payload(), 0, 6, StandardCharsets.US_ASCII)));
				}
			}
			answered.add(pongs);
			drain(in);
		})) {
			connect(PATIENT, raw.url()).awaitSignal("connected");
			List<Integer> pongs = answered.poll(30, TimeUnit.SECONDS);
			assertThat(pongs).as("the server read the pong of its last ping").isNotNull();
			assertThat(pongs).isSorted().doesNotHaveDuplicates().endsWith(pings).hasSizeLessThan(pings);
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
			assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.NoError);
		}
	}

	@Test
	void aLengthWithItsTopBitSetIs1002AndDeliversNothing() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			out.write(new byte[] { (byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0 });
			RawWebSocketServer.writeFrame(out, 0x81, utf8("after"), true);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1002);
			assertThat(recorder.names((name) -> name.endsWith("MessageReceived"))).isEmpty();
			assertThat(this.socket.getCloseCode()).isEqualTo(1002);
			assertThat(this.socket.getErrorString()).contains("most significant bit");
		}
	}

	/**
	 * The message and the close frame arrive in one write, so the close frame is read before any listener ran.
	 */
	@RepeatedTest(5)
	void aListenerCanAnswerTheLastMessageBeforeTheServersCloseFrame() throws Exception {
		SignalRecorder recorder = answerTheQuestionBefore(
				RawWebSocketServer.frame(0x88, closePayload(1001, "bye")), "close:1001");
		assertThat(this.socket.getCloseCode()).isEqualTo(1001);
		assertThat(this.socket.getCloseReason()).isEqualTo("bye");
		assertThat(recorder.names()).doesNotContain("errorOccurred")
			.containsSubsequence("textMessageReceived", "disconnected");
	}

	@RepeatedTest(5)
	void aListenerCanAnswerTheLastMessageBeforeAViolationAndTheErrorStays() throws Exception {
		ByteArrayOutputStream violationAndMore = new ByteArrayOutputStream();
		violationAndMore.writeBytes(RawWebSocketServer.frame(0xC1, utf8("compressed?")));
		violationAndMore.writeBytes(RawWebSocketServer.frame(0x81, utf8("after")));
		SignalRecorder recorder = answerTheQuestionBefore(violationAndMore.toByteArray(), "close:1002");
		assertThat(recorder.argumentsOf("textMessageReceived")).containsExactly("question");
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.IpSocketError);
		assertThat(this.socket.getErrorString()).contains("reserved bits");
		assertThat(this.socket.getCloseCode()).isEqualTo(1002);
	}

	/**
	 * The server writes the text "question" and what follows it in one write; a listener answers the question.
	 * Asserts that the answer left before the client's close frame, and returns the recorder.
	 */
	private SignalRecorder answerTheQuestionBefore(byte[] following, String expectedClose) throws Exception {
		BlockingQueue<String> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			ByteArrayOutputStream frames = new ByteArrayOutputStream();
			frames.writeBytes(RawWebSocketServer.frame(0x81, utf8("question")));
			frames.writeBytes(following);
			out.write(frames.toByteArray());
			recordFramesUntilClose(in, serverSaw);
			drain(in);
		})) {
			AtomicLong answered = new AtomicLong();
			this.socket = new WebSocket(null, PATIENT);
			this.socket.textMessageReceived.connect((text) -> answered.set(this.socket.sendTextMessage("answer")));
			SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(answered.get()).isEqualTo(6);
			assertThat(List.of(serverSaw.poll(10, TimeUnit.SECONDS), serverSaw.poll(10, TimeUnit.SECONDS)))
				.containsExactly("text:answer", expectedClose);
			return recorder;
		}
	}

	@ParameterizedTest(name = "close code {0}")
	@ValueSource(ints = { 0, 999, 1004, 1005, 1006, 1015, 2999, 5000 })
	void aCloseFrameWithACodeAPeerMayNotSendIs1002(int code) throws Exception {
		assertInvalidCloseFrame(closePayload(code, ""), 1002, "the code " + code);
	}

	@Test
	void aCloseFrameWithAOneBytePayloadIs1002() throws Exception {
		assertInvalidCloseFrame(new byte[] { 3 }, 1002, "one-byte payload");
	}

	@Test
	void aCloseFrameWhoseReasonIsNotUtf8Is1007() throws Exception {
		assertInvalidCloseFrame(new byte[] { 0x03, (byte) 0xE8, 'o', (byte) 0xC0, 'k' }, 1007, "not UTF-8");
	}

	private void assertInvalidCloseFrame(byte[] payload, int expectedCode, String violation) throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0x88, payload, true);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(expectedCode);
			assertThat(this.socket.getCloseCode()).isEqualTo(expectedCode);
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.NetworkError);
			assertThat(this.socket.getErrorString()).contains("close frame").contains(violation);
		}
	}

	@Test
	void anEmptyCloseFrameIsReportedAs1005AndAnsweredWith1000() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0x88, new byte[0], true);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.socket.getCloseCode()).isEqualTo(1005);
			assertThat(recorder.names()).doesNotContain("errorOccurred");
		}
	}

	@Test
	void aClaimOverTheMaximumSizeIs1009AndTheApplicationLearnsOfTheCloseAtOnce() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		CountDownLatch serverSawEnd = new CountDownLatch(1);
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			out.write(new byte[] { (byte) 0x82, 127, 0, 0, 1, 0, 0, 0, 0, 0 });
			out.write(new byte[4096]);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			RawWebSocketServer.writeFrame(out, 0x88, closePayload(1009, ""), true);
			drain(in);
			serverSawEnd.countDown();
		})) {
			SignalRecorder recorder = connect(WebSocketOptions.builder()
				.closeTimeout(Duration.ofMinutes(1))
				.maxMessageSize(1024)
				.build(), raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1009);
			assertThat(this.socket.getCloseCode()).isEqualTo(1009);
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
				.containsExactly(IpSocketError.DatagramTooLargeError);
			assertThat(serverSawEnd.await(10, TimeUnit.SECONDS)).as("the client dropped TCP in the end").isTrue();
		}
	}

	@Test
	void aServerThatDropsTcpRightAfterOur1009EndsTheConnectionAtOnce() throws Exception {
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			out.write(new byte[] { (byte) 0x82, 127, 0, 0, 1, 0, 0, 0, 0, 0 });
			RawWebSocketServer.readCloseCode(in);
			in.close();
		})) {
			SignalRecorder recorder = connect(WebSocketOptions.builder()
				.closeTimeout(Duration.ofMinutes(1))
				.maxMessageSize(1024)
				.build(), raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getCloseCode()).isEqualTo(1009);
		}
	}

	@Test
	void aServerThatDropsTcpWhileWeAreClosingEndsTheConnectionAtOnceAs1006() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			in.close();
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			this.socket.disconnectFromHost();
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closing);
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.socket.getCloseCode()).isEqualTo(1006);
		}
	}

	@Test
	void aServerThatKeepsTcpOpenAfterTheCloseHandshakeIsDropped() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		CountDownLatch serverSawEnd = new CountDownLatch(1);
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0x88, closePayload(4000, "done"), true);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
			serverSawEnd.countDown();
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(4000);
			assertThat(this.socket.getCloseCode()).isEqualTo(4000);
			assertThat(this.socket.getCloseReason()).isEqualTo("done");
			assertThat(serverSawEnd.await(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void noTimerOutlivesAConnectionClosedByTheClient() throws Exception {
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.readCloseCode(in);
			RawWebSocketServer.writeFrame(out, 0x88, closePayload(1000, ""), true);
			drain(in);
		})) {
			SignalRecorder recorder = connect(PATIENT, raw.url());
			this.socket.disconnectFromHost();
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getCloseCode()).isEqualTo(1000);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(ClientThreads.names()).noneMatch((name) -> name.contains("timer")));
		}
	}

	@Test
	void aServerThatHangsUpDuringTheUpgradeIsRemoteHostClosedAtOnceNotATimeout() throws Exception {
		SignalRecorder recorder = upgradeAnsweredWith(null);
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.RemoteHostClosedError);
		assertThat(this.socket.getErrorString()).contains("during the opening handshake");
	}

	@ParameterizedTest
	@CsvSource({ "403,Forbidden", "200,OK", "204,No Content", "304,Not Modified" })
	void aServerThatAnswersWithAnythingButASwitchOrARedirectIsConnectionRefusedWithItsStatus(int status,
			String reason) throws Exception {
		SignalRecorder recorder = upgradeAnsweredWith(
				"HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\n\r\n");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
		assertThat(this.socket.getErrorString())
			.contains("refused the WebSocket upgrade (HTTP " + status + " " + reason + ")");
		assertThat(this.socket.getHandshakeStatus()).isEqualTo(status);
	}

	/**
	 * A server of another protocol on the port greets with a line of its own and waits, as SSH does: the answer is
	 * refused at once as not HTTP, quoting its beginning, rather than after the handshake timeout.
	 */
	@Test
	void aServerOfAnotherProtocolIsRefusedAtOnceAndNamedByItsGreeting() throws Exception {
		SignalRecorder recorder = upgradeAnsweredWith("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", false);
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
		assertThat(this.socket.getErrorString()).contains("did not answer the opening handshake with HTTP")
			.contains("'SSH-2.0-OpenSSH_9.2p1 Debian-2'");
		assertThat(recorder.names()).doesNotContain("connected");
	}

	/**
	 * A server whose answer's head goes on past any sensible size (a 101 followed by header lines without the empty
	 * line that ends them) is refused once the head passes the limit, rather than read until memory or the
	 * handshake timeout runs out.
	 */
	@Test
	void anAnswerWhoseHeadHasNoEndIsRefusedPastTheLimit() throws Exception {
		String endless = "HTTP/1.1 101 Switching Protocols\r\n" + "X-Filler: 0123456789abcdef\r\n".repeat(2_000);
		SignalRecorder recorder = upgradeAnsweredWith(endless, false);
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
		assertThat(this.socket.getErrorString()).contains("answered the opening handshake, but its head has no end within");
		assertThat(recorder.names()).doesNotContain("connected");
	}

	private SignalRecorder upgradeAnsweredWith(String answer) throws IOException {
		return upgradeAnsweredWith(answer, true);
	}

	/**
	 * Connects to a server that reads the upgrade request, writes the answer given (if any) and hangs up or waits
	 * for the client to, and waits until the attempt is over; the handshake timeout is a minute, so the test's
	 * deadline proves the end was seen.
	 */
	private SignalRecorder upgradeAnsweredWith(String answer, boolean hangUp) throws IOException {
		try (HeadAnsweringServer server = new HeadAnsweringServer((port) -> answer, hangUp)) {
			this.socket = new WebSocket(null, WebSocketOptions.builder().handshakeTimeout(Duration.ofMinutes(1)).build());
			this.socket.setUrl("ws://127.0.0.1:" + server.port() + "/x");
			this.socket.setAutoConnect(false);
			SignalRecorder recorder = new SignalRecorder(this.socket);
			this.socket.connectToHost();
			recorder.awaitSignal("disconnected");
			return recorder;
		}
	}

	@Test
	void overWssAServerThatEndsTlsWhileWeAreClosingEndsTheConnectionAtOnceAs1006() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			in.close();
		}); TlsProxy proxy = new TlsProxy(LOCALHOST.serverContext(), raw.port())) {
			SignalRecorder recorder = connect(WebSocketOptions.builder()
				.closeTimeout(Duration.ofMinutes(1))
				.sslContext(LOCALHOST.trustingClientContext())
				.build(), "wss://localhost:" + proxy.port() + "/raw");
			this.socket.disconnectFromHost();
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(this.socket.getCloseCode()).isEqualTo(1006);
		}
	}

	@Test
	void overWssAServerInitiatedCloseIsAnsweredAndReportedWithTheServersCode() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0x88, closePayload(4000, "done"), true);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		}); TlsProxy proxy = new TlsProxy(LOCALHOST.serverContext(), raw.port())) {
			SignalRecorder recorder = connect(WebSocketOptions.builder()
				.closeTimeout(Duration.ofMinutes(1))
				.sslContext(LOCALHOST.trustingClientContext())
				.build(), "wss://localhost:" + proxy.port() + "/raw");
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(4000);
			assertThat(this.socket.getCloseCode()).isEqualTo(4000);
			assertThat(recorder.names()).doesNotContain("errorOccurred");
		}
	}

	/**
	 * The close frame and {@code close_notify} arrive in one TCP segment, so one read decrypts both: the frame must
	 * still be read before the end of TLS is. Then the server keeps TCP open, or closes it.
	 */
	@ParameterizedTest(name = "server closes TCP afterwards: {0}")
	@ValueSource(booleans = { false, true })
	void overWssACloseFrameAndCloseNotifyInOneWriteAreBothRead(boolean closeTcp) throws Exception {
		CountDownLatch serverSawEnd = new CountDownLatch(1);
		try (TlsRecordServer server = new TlsRecordServer(LOCALHOST.serverContext(), (connection) -> {
			connection.write(true, RawWebSocketServer.frame(0x88, closePayload(1001, "bye")));
			if (!closeTcp) {
				connection.drain();
			}
			serverSawEnd.countDown();
		})) {
			SignalRecorder recorder = connect(WebSocketOptions.builder()
				.closeTimeout(Duration.ofMinutes(1))
				.sslContext(LOCALHOST.trustingClientContext())
				.build(), "wss://localhost:" + server.port() + "/x");
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getCloseCode()).as("the server's close frame was read").isEqualTo(1001);
			assertThat(this.socket.getCloseReason()).isEqualTo("bye");
			assertThat(recorder.names()).doesNotContain("errorOccurred");
			assertThat(serverSawEnd.await(10, TimeUnit.SECONDS)).as("the client ended TCP").isTrue();
		}
	}

	/**
	 * A TLS record that fails its integrity check once the connection is open: an {@code SslError} with the TLS
	 * layer's reason and {@code SslInternalError} (as Qt reports a failed read), at once, after the messages before
	 * it, and not overwritten by the end of the connection it causes; no close handshake.
	 */
	@Test
	void aTamperedTlsRecordMidConnectionIsAnSslErrorAndEndsTheConnection() throws Exception {
		CountDownLatch serverSawEnd = new CountDownLatch(1);
		try (TlsRecordServer server = new TlsRecordServer(LOCALHOST.serverContext(), (connection) -> {
			connection.write(false, RawWebSocketServer.frame(0x81, utf8("before")));
			connection.writeTampered(RawWebSocketServer.frame(0x81, utf8("forged")));
			connection.drain();
			serverSawEnd.countDown();
		})) {
			SignalRecorder recorder = connect(WebSocketOptions.builder()
				.closeTimeout(Duration.ofMinutes(1))
				.sslContext(LOCALHOST.trustingClientContext())
				.build(), "wss://localhost:" + server.port() + "/x");
			recorder.awaitSignal("disconnected");
			assertThat(recorder.argumentsOf("textMessageReceived")).containsExactly("before");
			assertThat(this.socket.getError()).as("the cause, not its consequence").isEqualTo(WebSocket.Error.SslError);
			assertThat(recorder.count("errorOccurred")).isEqualTo(1);
			assertThat(recorder.argumentsOf("sslErrorOccurred")).hasSize(1);
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SslInternalError);
			assertThat(this.socket.getErrorString()).startsWith("TLS with wss://localhost:" + server.port())
				.contains("failed on the open connection: ");
			assertThat(recorder.names()).containsSubsequence("textMessageReceived", "errorOccurred", "disconnected");
			assertThat(this.socket.getCloseCode()).isEqualTo(1006);
			assertThat(serverSawEnd.await(10, TimeUnit.SECONDS)).as("the client ended TCP").isTrue();
		}
	}

	private static void recordFramesUntilClose(DataInputStream in, BlockingQueue<String> frames) throws IOException {
		RawWebSocketServer.Frame frame;
		do {
			frame = RawWebSocketServer.readFrame(in);
			frames.add((frame.opcode() == 8) ? "close:" + frame.closeCode()
					: "text:" + new String(frame.payload(), StandardCharsets.UTF_8));
		}
		while (frame.opcode() != 8);
	}

	/** Reads until the client closes TCP. */
	private static void drain(DataInputStream in) throws IOException {
		while (in.read() != -1) {
			// discard
		}
	}

	private static byte[] closePayload(int code, String reason) {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		payload.write(code >>> 8);
		payload.write(code);
		payload.writeBytes(utf8(reason));
		return payload.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
