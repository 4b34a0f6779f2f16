package io.incore.websocket;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code autoConnect} against a real server that goes away and comes back.
 */
class ReconnectTests {

	private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), 2.0,
			Duration.ofMillis(800), 0.2, 0, Duration.ofSeconds(30));

	private TestServer server;

	private WebSocket socket;

	@AfterEach
	void cleanUp() {
		if (this.socket != null) {
			this.socket.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	private WebSocket socket(ReconnectPolicy policy, String url) {
		this.socket = new WebSocket(null, WebSocketOptions.builder().reconnect(policy).build());
		this.socket.setUrl(url);
		return this.socket;
	}

	@Test
	void reconnectsWithGrowingDelaysAfterTheServerStopsAndResumesWhenItReturns() throws InterruptedException {
		this.server = TestServer.start();
		int port = this.server.port();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		List<Long> refusals = new CopyOnWriteArrayList<>();
		socket.ipSocketErrorOccurred.connect((error) -> {
			if (error == IpSocketError.ConnectionRefusedError) {
				refusals.add(System.nanoTime());
			}
		});
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");

		this.server.close();
		await().atMost(Duration.ofSeconds(20)).until(() -> refusals.size() >= 5);
		long[] expectedMillis = { 200, 400, 800, 800 };
		for (int i = 0; i < expectedMillis.length; i++) {
			long gapMillis = TimeUnit.NANOSECONDS.toMillis(refusals.get(i + 1) - refusals.get(i));
			assertThat(gapMillis).as("gap before reconnect attempt %d (jitter ±20%%; the gaps are taken where the "
					+ "errors are delivered, which may skew each by a few ms)", i + 2)
				.isBetween((long) (expectedMillis[i] * 0.8) - 50, (long) (expectedMillis[i] * 1.2) + 300);
		}
		assertThat(socket.getReconnectAttempts()).isGreaterThanOrEqualTo(5);

		this.server = TestServer.start(port);
		recorder.awaitCount("connected", 2);
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		socket.textMessageReceived.connect(echoes::add);
		socket.sendTextMessage("back again");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("back again");
	}

	@Test
	void noAttemptIsMadeWithAutoConnectOff() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		recorder.awaitSignal("connected");
		this.server.close();
		recorder.awaitSignal("disconnected");
		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
			.until(() -> recorder.count("stateChanged") == 3 && socket.getState() == WebSocket.State.Closed);
		assertThat(socket.getReconnectAttempts()).isZero();
	}

	@Test
	void maxAttemptsIsHonoured() throws IOException {
		ReconnectPolicy threeAttempts = new ReconnectPolicy(Duration.ofMillis(50), 1.0, Duration.ofMillis(50), 0, 3,
				Duration.ofSeconds(30));
		WebSocket socket = socket(threeAttempts, "ws://127.0.0.1:" + freePort() + "/echo");
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		recorder.awaitCount("errorOccurred", 4);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> recorder.count("errorOccurred") == 4);
		assertThat(socket.getReconnectAttempts()).isEqualTo(3);
	}

	@Test
	void aConfigurationErrorIsNotRetriedUntilTheUrlChanges() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, "http://127.0.0.1:" + this.server.port() + "/echo");
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("errorOccurred");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> recorder.count("errorOccurred") == 1 && recorder.count("stateChanged") == 0);
		socket.setUrl(this.server.url("/echo"));
		recorder.awaitSignal("connected");
	}

	@Test
	void disconnectFromHostStopsReconnecting() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");
		socket.disconnectFromHost();
		recorder.awaitSignal("disconnected");
		this.server.close();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
			.until(() -> socket.getState() == WebSocket.State.Closed && recorder.count("errorOccurred") == 0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

}
