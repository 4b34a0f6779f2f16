package io.incore.websocket;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ping/pong heartbeat: round-trip times from a live server, and a peer that stops answering.
 */
class HeartbeatTests {

	private static final Heartbeat HEARTBEAT = new Heartbeat(Duration.ofMillis(200), Duration.ofMillis(300));

	private final CountDownLatch testDone = new CountDownLatch(1);

	private WebSocket socket;

	@AfterEach
	void cleanUp() {
		this.testDone.countDown();
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@Test
	void measuresTheRoundTripTimeOfALiveServer() {
		try (TestServer server = TestServer.start()) {
			this.socket = new WebSocket(null, WebSocketOptions.builder().heartbeat(HEARTBEAT).build());
			this.socket.setUrl(server.url("/echo"));
			this.socket.connectToHost();
			await().until(() -> this.socket.getLastRoundTripTime().isPresent());
			assertThat(this.socket.getLastRoundTripTime().get()).isPositive();
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
		}
	}

	@Test
	void aPeerThatStopsAnsweringIsDeclaredDeadAndTheRealServerIsReconnected() throws Exception {
		RawWebSocketServer silent = new RawWebSocketServer(0, this::neverAnswer);
		int port = silent.port();
		this.socket = new WebSocket(null, WebSocketOptions.builder()
			.heartbeat(HEARTBEAT)
			.reconnect(new ReconnectPolicy(Duration.ofMillis(100), 1.0, Duration.ofMillis(100), 0, 0,
					Duration.ofSeconds(30)))
			.build());
		this.socket.setUrl("ws://127.0.0.1:" + port + "/echo");
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		recorder.awaitSignal("connected");
		long connectedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(5)).until(() -> recorder.argumentsOf("ipSocketErrorOccurred")
			.contains(IpSocketError.SocketTimeoutError));
		long deadAfterMillis = Duration.ofNanos(System.nanoTime() - connectedAt).toMillis();
		assertThat(deadAfterMillis).as("declared dead within interval + timeout (+ slack)").isLessThan(200 + 300 + 700);
		assertThat(this.socket.getErrorString()).contains("No pong");

		silent.stopAccepting();
		try (TestServer server = TestServer.start(port)) {
			recorder.awaitCount("connected", 2);
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
		}
		silent.close();
	}

	private void neverAnswer(DataInputStream in, OutputStream out) {
		try {
			this.testDone.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
