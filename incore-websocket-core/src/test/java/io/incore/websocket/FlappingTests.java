package io.incore.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many connections whose server goes down and comes back again and again.
 */
class FlappingTests {

	private static final int CONNECTIONS = 200;

	private static final int RESTARTS = 5;

	@Test
	void connectionsSurviveRepeatedServerRestartsWithoutLeakingThreadsOrOverlappingListeners() {
		Set<String> baseline = ClientThreads.names();
		// The test server answers 404 for a moment while it starts again: a server that does so is retried on it.
		ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(50), 2.0, Duration.ofMillis(400), 0.5, 0,
				Duration.ofSeconds(30), ReconnectPolicy.DEFAULT_STOP_ON_CLOSE_CODES, Set.of(404, 408, 429));
		TestServer server = TestServer.start();
		int port = server.port();
		List<WebSocket> sockets = new ArrayList<>();
		List<SignalRecorder> recorders = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			WebSocket socket = new WebSocket(null, WebSocketOptions.builder().reconnect(policy).build());
			socket.setUrl(server.url("/echo"));
			recorders.add(new SignalRecorder(socket));
			sockets.add(socket);
			socket.complete();
		}
		awaitAllOpen(sockets);
		for (int restart = 1; restart <= RESTARTS; restart++) {
			server.close();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> sockets.stream().noneMatch((socket) -> socket.getState() == WebSocket.State.Open));
			server = TestServer.start(port);
			awaitAllOpen(sockets);
		}
		int finalRestarts = RESTARTS;
		// A signal is delivered after the state it follows is set: wait for the last connected() to arrive.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorders)
			.allSatisfy((recorder) -> assertThat(recorder.count("connected")).isEqualTo(finalRestarts + 1)));
		assertThat(recorders).allSatisfy((recorder) -> assertThat(recorder.overlaps()).isZero());

		sockets.forEach(WebSocket::close);
		server.close();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(ClientThreads.createdSince(baseline)).isEmpty());
	}

	private static void awaitAllOpen(List<WebSocket> sockets) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> sockets.stream().allMatch((socket) -> socket.getState() == WebSocket.State.Open));
	}

}
