package io.incore.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the client judges a server's {@code 101 Switching Protocols} answer, as RFC 6455 section 4.1 says: the
 * {@code Upgrade} field must be {@code websocket} in any case, the {@code Connection} field must hold the token
 * {@code Upgrade} among any others, in one field line or several, and {@code Sec-WebSocket-Accept} must answer the
 * key. Any other answer fails the attempt as {@link IpSocketError#ConnectionRefusedError} with what was wrong.
 */
class SwitchingProtocolsAnswerTests {

	private WebSocket socket;

	private String subProtocol = "";

	@AfterEach
	void close() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@Test
	void theUpgradeTokenMayStandAmongOthersInAnyCase() throws IOException {
		assertOpens((accept) -> "Upgrade: WebSocket\r\nConnection: keep-alive, upgrade\r\nSec-WebSocket-Accept: "
				+ accept + "\r\n");
	}

	@Test
	void theConnectionFieldMayComeInSeveralLines() throws IOException {
		assertOpens((accept) -> "Upgrade: websocket\r\nConnection: keep-alive\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + accept + "\r\n");
	}

	@Test
	void anAnswerWithoutTheUpgradeFieldIsRefused() throws IOException {
		assertRefused((accept) -> "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n",
				"Upgrade field is missing");
	}

	@Test
	void anUpgradeToAnotherProtocolIsRefused() throws IOException {
		assertRefused((accept) -> "Upgrade: h2c\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n",
				"Upgrade field is 'h2c', not websocket");
	}

	@Test
	void aConnectionFieldWithoutTheUpgradeTokenIsRefused() throws IOException {
		assertRefused((accept) -> "Upgrade: websocket\r\nConnection: Upgraded, keep-alive\r\nSec-WebSocket-Accept: "
				+ accept + "\r\n", "Connection field 'Upgraded, keep-alive' lacks the token Upgrade");
	}

	@Test
	void aWrongAcceptIsRefusedWithoutClaimingAnHttpStatus() throws IOException {
		String message = assertRefused((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n",
				"Sec-WebSocket-Accept 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' does not answer the key");
		assertThat(message).doesNotContain("HTTP 500");
	}

	@Test
	void aMissingAcceptIsRefused() throws IOException {
		assertRefused((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\n",
				"Sec-WebSocket-Accept field is missing");
	}

	@Test
	void aSubprotocolListInsteadOfOneChoiceIsRefused() throws IOException {
		this.subProtocol = "chat, superchat";
		assertRefused((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
				+ "\r\nSec-WebSocket-Protocol: chat, superchat\r\n",
				"Sec-WebSocket-Protocol 'chat, superchat' names more than one subprotocol");
	}

	@Test
	void oneSubprotocolOfThoseAskedForIsAgreed() throws IOException {
		this.subProtocol = "chat, superchat";
		assertOpens((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
				+ "\r\nSec-WebSocket-Protocol: superchat\r\n");
		assertThat(this.socket.getNegotiatedSubProtocol()).isEqualTo("superchat");
	}

	@Test
	void aSubprotocolTheClientDidNotOfferIsRefusedWithoutACloseFrame() throws Exception {
		try (AnsweringServer server = new AnsweringServer((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: chat\r\n")) {
			assertRefused(server, "Sec-WebSocket-Protocol 'chat' names a subprotocol the client did not offer "
					+ "(it offered none)");
			assertThat(server.bytesAfterTheRequest()).isZero();
		}
	}

	@Test
	void aSubprotocolOtherThanThoseOfferedIsRefused() throws IOException {
		this.subProtocol = "chat.v1, chat.v2";
		assertRefused((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
				+ "\r\nSec-WebSocket-Protocol: chat.v3\r\n",
				"'chat.v3' names a subprotocol the client did not offer (it offered chat.v1, chat.v2)");
	}

	@Test
	void anEmptySubprotocolFieldIsTakenForNone() throws IOException {
		assertOpens((accept) -> "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
				+ "\r\nSec-WebSocket-Protocol: \r\n");
		assertThat(this.socket.getNegotiatedSubProtocol()).isEmpty();
	}

	private void assertOpens(UnaryOperator<String> fields) throws IOException {
		try (AnsweringServer server = new AnsweringServer(fields)) {
			SignalRecorder recorder = connect(server);
			recorder.awaitSignal("connected");
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
			assertThat(recorder.names()).doesNotContain("errorOccurred");
		}
	}

	private String assertRefused(UnaryOperator<String> fields, String problem) throws IOException {
		try (AnsweringServer server = new AnsweringServer(fields)) {
			return assertRefused(server, problem);
		}
	}

	private String assertRefused(AnsweringServer server, String problem) {
		SignalRecorder recorder = connect(server);
		recorder.awaitSignal("errorOccurred");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
		assertThat(recorder.names()).doesNotContain("connected");
		assertThat(this.socket.getErrorString()).contains("answered the opening handshake with 101", problem);
		return this.socket.getErrorString();
	}

	private SignalRecorder connect(AnsweringServer server) {
		this.socket = new WebSocket(null, WebSocketOptions.builder().compression(Compression.OFF).build());
		this.socket.setUrl("ws://127.0.0.1:" + server.port() + "/ws");
		this.socket.setAutoConnect(false);
		this.socket.setSubProtocol(this.subProtocol);
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		return recorder;
	}

	/**
	 * Answers one upgrade request with {@code 101} and the header fields given the right accept value, then keeps
	 * the connection open until the client ends it, counting the bytes the client sends after its request.
	 */
	private static final class AnsweringServer implements AutoCloseable {

		private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final AtomicInteger bytesAfterTheRequest = new AtomicInteger();

		private final CountDownLatch ended = new CountDownLatch(1);

		AnsweringServer(UnaryOperator<String> fields) throws IOException {
			Thread thread = new Thread(TestServer.THREADS, () -> answer(fields),
					TestServer.SERVER_THREAD_PREFIX + "switching");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.listener.getLocalPort();
		}

		/**
		 * Waits until the client ended the connection, and returns what it sent after the upgrade request.
		 */
		int bytesAfterTheRequest() throws InterruptedException {
			assertThat(this.ended.await(10, TimeUnit.SECONDS)).as("the client ended the connection").isTrue();
			return this.bytesAfterTheRequest.get();
		}

		private void answer(UnaryOperator<String> fields) {
			try (Socket client = this.listener.accept()) {
				InputStream in = client.getInputStream();
				String accept = RawWebSocketServer.acceptFor(RawWebSocketServer.readRequest(in));
				client.getOutputStream()
					.write(("HTTP/1.1 101 Switching Protocols\r\n" + fields.apply(accept) + "\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				while (in.read() >= 0) {
					this.bytesAfterTheRequest.incrementAndGet();
				}
			}
			catch (IOException ex) {
				// The client went away.
			}
			finally {
				this.ended.countDown();
			}
		}

		@Override
		public void close() throws IOException {
			this.listener.close();
		}

	}

}
