package io.incore.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale and resource release: a thousand connections share a handful of threads, and closing every object
 * leaves no thread of this library, Tyrus or Grizzly behind.
 */
class ManyConnectionsTests {

	private static final int CONNECTIONS = 1000;

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();


	@Test
	void thousandConnectionsOpenWithFewerThanHundredClientThreadsAndLeaveNoneAfterClose() {
		Set<String> baseline = ClientThreads.names();
		List<WebSocket> sockets = new ArrayList<>();
		AtomicInteger open = new AtomicInteger();
		for (int i = 0; i < CONNECTIONS; i++) {
			WebSocket socket = new WebSocket(null);
			socket.setUrl(server.url("/echo"));
			socket.connected.connect(open::incrementAndGet);
			sockets.add(socket);
			socket.connectToHost();
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> open.get() == CONNECTIONS);
		assertThat(sockets).allMatch((socket) -> socket.getState() == WebSocket.State.Open);
		Set<String> clientThreads = ClientThreads.createdSince(baseline);
		assertThat(clientThreads).as("threads created by the client side").hasSizeLessThan(100);

		sockets.forEach(WebSocket::close);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> sockets.stream().allMatch((socket) -> socket.getState() == WebSocket.State.Closed));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(ClientThreads.createdSince(baseline)).isEmpty());
	}

}
