package io.incore.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Message mode against a real echo server: text and binary round trips, subprotocols, headers and close codes.
 */
class WebSocketMessagingTests {

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();

	private WebSocket socket;


	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private WebSocket connect(WebSocketOptions options, String subProtocol) {
		this.socket = new WebSocket(null, options);
		this.socket.setUrl(server.url("/echo"));
		this.socket.setSubProtocol(subProtocol);
		this.socket.complete();
		await().until(() -> this.socket.getState() == WebSocket.State.Open);
		return this.socket;
	}

	private WebSocket connect() {
		return connect(WebSocketOptions.defaults(), "");
	}

	@Test
	void echoesTextMessagesAndReturnsTheirUtf8Size() throws InterruptedException {
		WebSocket socket = connect();
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		socket.textMessageReceived.connect(received::add);
		String multiByte = "grüße € 𝄞 日本";
		String large = "x".repeat(1024 * 1024);
		for (String message : List.of("", multiByte, large)) {
			assertThat(socket.sendTextMessage(message)).isEqualTo(message.getBytes(StandardCharsets.UTF_8).length);
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(message);
		}
		assertThat(socket.getError()).isEqualTo(WebSocket.Error.NoError);
	}

	@Test
	void echoesBinaryMessages() throws InterruptedException {
		WebSocket socket = connect();
		BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
		socket.binaryMessageReceived.connect(received::add);
		byte[] large = new byte[1024 * 1024];
		Arrays.fill(large, (byte) 0x5A);
		large[0] = 0;
		large[large.length - 1] = (byte) 0xFF;
		for (byte[] message : List.of(new byte[0], new byte[] { 1, 2, 3 }, large)) {
			assertThat(socket.sendBinaryMessage(message)).isEqualTo(message.length);
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(message);
		}
	}

	@Test
	void requestsTheSubprotocolAndExposesTheServersChoice() {
		WebSocket socket = connect(WebSocketOptions.defaults(), "chat.v2");
		assertThat(socket.getNegotiatedSubProtocol()).isEqualTo("chat.v2");
	}

	@Test
	void requestsSeveralSubprotocolsInOrderOfPreference() {
		TestServer.handshakeHeaders.clear();
		WebSocket socket = connect(WebSocketOptions.defaults(), "unknown.v9, chat.v2");
		assertThat(socket.getNegotiatedSubProtocol()).isEqualTo("chat.v2");
		assertThat(String.join(",", TestServer.handshakeHeaders.poll().get("Sec-WebSocket-Protocol")))
			.contains("unknown.v9").contains("chat.v2");
	}

	@Test
	void aPingIsAnsweredWithItsPayloadAndAnUnsolicitedPongKeepsTheConnection() throws InterruptedException {
		WebSocket socket = connect();
		BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
		socket.pongReceived.connect(pongs::add);
		assertThat(socket.ping("are you there".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(pongs.poll(10, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8).isEqualTo("are you there");
		assertThat(socket.sendPong(new byte[] { 1, 2 })).isTrue();
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		socket.textMessageReceived.connect(echoes::add);
		socket.sendTextMessage("still here");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("still here");
		assertThat(socket.getError()).isEqualTo(WebSocket.Error.NoError);
	}

	@Test
	void aPingTooLongForAControlFrameIsRefusedAndAPingWhileClosedIsNotOpen() {
		WebSocket socket = new WebSocket(null);
		this.socket = socket;
		assertThat(socket.ping(new byte[3])).isFalse();
		assertThat(socket.getError()).isEqualTo(WebSocket.Error.NotOpenError);
		assertThatIllegalArgumentException().isThrownBy(() -> socket.ping(new byte[126]));
	}

	@Test
	void acceptsAServerThatSelectsNoSubprotocol() {
		WebSocket socket = connect(WebSocketOptions.defaults(), "unknown.v9");
		assertThat(socket.getNegotiatedSubProtocol()).isEmpty();
		assertThat(socket.getError()).isEqualTo(WebSocket.Error.NoError);
	}

	@Test
	void theHandshakeIsLoggedAtDebugWithCredentialsRedacted() {
		Logger handshakeLog = Logger.getLogger("io.incore.websocket.handshake");
		List<String> lines = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord logRecord) {
				lines.add(logRecord.getMessage());
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		handshakeLog.setLevel(Level.FINE);
		handler.setLevel(Level.FINE);
		handshakeLog.addHandler(handler);
		try {
			this.socket = new WebSocket(null, WebSocketOptions.builder()
				.header("Authorization", "Bearer s3cr3t")
				.header("X-Tenant", "acme")
				.redactedNames(Set.of("x-tenant"))
				.build());
			this.socket.setUrl(server.url("/echo?token=t0k3n&channel=quotes"));
			this.socket.complete();
			await().until(() -> lines.size() >= 2);
			assertThat(lines.get(0)).startsWith("Upgrade request GET ")
				.contains("/echo?token=***&channel=quotes", "Authorization: ***", "X-Tenant: ***", "Sec-WebSocket-Key");
			assertThat(lines.get(1)).contains("HTTP 101");
			assertThat(String.join("\n", lines)).doesNotContain("s3cr3t", "t0k3n", "acme");
		}
		finally {
			handshakeLog.removeHandler(handler);
			handshakeLog.setLevel(null);
		}
	}

	@Test
	void sendsCustomHeadersWithTheHandshake() {
		TestServer.handshakeHeaders.clear();
		connect(WebSocketOptions.builder().header("X-Tenant", "blue").header("Authorization", "Bearer s3cr3t").build(),
				"");
		Map<String, List<String>> headers = TestServer.handshakeHeaders.poll();
		assertThat(headers).isNotNull();
		assertThat(headers.get("X-Tenant")).containsExactly("blue");
		assertThat(headers.get("Authorization")).containsExactly("Bearer s3cr3t");
	}

	@Test
	void optionsHideCredentialHeaderValues() {
		WebSocketOptions options = WebSocketOptions.builder().header("Authorization", "Bearer s3cr3t").build();
		assertThat(options.toString()).contains("Authorization=***").doesNotContain("s3cr3t");
	}

	@Test
	void disconnectFromHostClosesNormallyAndEmitsDisconnected() {
		WebSocket socket = connect();
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.disconnectFromHost();
		recorder.awaitSignal("disconnected");
		assertThat(socket.getState()).isEqualTo(WebSocket.State.Closed);
		assertThat(socket.getCloseCode()).isEqualTo(1000);
		assertThat(recorder.names()).containsExactly("stateChanged", "stateChanged", "disconnected");
	}

	@Test
	void countsTrafficAndConnectionsInItsStatistics() throws InterruptedException {
		WebSocket socket = connect();
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		socket.textMessageReceived.connect(received::add);
		socket.binaryMessageReceived.connect(received::add);
		socket.sendTextMessage("héllo");
		socket.sendBinaryMessage(new byte[] { 1, 2, 3 });
		assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
		assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
		WebSocketStatistics statistics = socket.getStatistics();
		assertThat(statistics.textMessagesSent()).isEqualTo(1);
		assertThat(statistics.textBytesSent()).isEqualTo(6);
		assertThat(statistics.binaryMessagesSent()).isEqualTo(1);
		assertThat(statistics.binaryBytesSent()).isEqualTo(3);
		assertThat(statistics.textMessagesReceived()).isEqualTo(1);
		assertThat(statistics.textBytesReceived()).isEqualTo(6);
		assertThat(statistics.binaryBytesReceived()).isEqualTo(3);
		assertThat(statistics.connectAttempts()).isEqualTo(1);
		assertThat(statistics.connectSuccesses()).isEqualTo(1);
		assertThat(statistics.connectFailures()).isZero();
		assertThat(statistics.connectTime()).isPositive();
		assertThat(socket.getLastConnectedAt()).isPresent();
		assertThat(socket.isConnectionWanted()).isTrue();
		socket.disconnectFromHost();
		assertThat(socket.isConnectionWanted()).isFalse();
		assertThat(socket.sendTextMessage("late")).isEqualTo(-1);
		assertThat(socket.getStatistics().sendRejections()).isEqualTo(1);
	}

	@Test
	void exposesTheCloseCodeAndReasonSentByTheServer() {
		WebSocket socket = connect();
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.sendTextMessage("close:4001:maintenance");
		recorder.awaitSignal("disconnected");
		assertThat(socket.getCloseCode()).isEqualTo(4001);
		assertThat(socket.getCloseReason()).isEqualTo("maintenance");
		assertThat(socket.getState()).isEqualTo(WebSocket.State.Closed);
	}

}
