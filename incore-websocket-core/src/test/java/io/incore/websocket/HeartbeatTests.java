package io.incore.websocket;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.ManualClock;
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

	/**
	 * The server is real and silent; the heartbeat runs on a clock the test advances, so the peer is declared
	 * dead exactly at interval + timeout.
	 */
	@Test
	void aPeerThatStopsAnsweringIsDeclaredDeadAtTheTimeoutAndTheRealServerIsReconnected() throws Exception {
		ManualClock clock = new ManualClock();
		RawWebSocketServer silent = new RawWebSocketServer(0, this::neverAnswer);
		int port = silent.port();
		this.socket = new WebSocket(null, WebSocketOptions.builder()
			.heartbeat(HEARTBEAT)
			.reconnect(new ReconnectPolicy(Duration.ofMillis(100), 1.0, Duration.ofMillis(100), 0, 0,
					Duration.ofSeconds(30)))
			.build(), clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket.setUrl("ws://127.0.0.1:" + port + "/echo");
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		recorder.awaitSignal("connected");
		clock.advance(HEARTBEAT.interval());
		await().until(() -> clock.pending() == 2);
		clock.advance(HEARTBEAT.timeout().minusNanos(1));
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
		clock.advance(Duration.ofNanos(1));
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closed);
		recorder.awaitSignal("ipSocketErrorOccurred");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SocketTimeoutError);
		assertThat(this.socket.getErrorString()).contains("No pong");

		silent.stopAccepting();
		try (TestServer server = TestServer.start(port)) {
			clock.advance(Duration.ofMillis(100));
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
