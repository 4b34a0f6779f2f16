package io.incore.websocket.boot;

import java.time.Duration;

import io.incore.websocket.TestServer;
import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link WebSocketClientsLifecycle} against a real server: what a context stop and start does to a
 * client.
 */
class WebSocketClientsLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class))
		.withPropertyValues("incore.websocket.defaults.reconnect.initial-delay=50ms");

	private TestServer server;

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void anAutoOpenClientStillReconnectsAfterTheContextStoppedAndStartedAgain() {
		this.server = TestServer.start();
		int port = this.server.port();
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=" + this.server.url("/echo"),
					"incore.websocket.clients.feed.auto-open=true")
			.run((context) -> {
				WebSocket feed = context.getBean("feed", WebSocket.class);
				awaitState(feed, WebSocket.State.Open);
				context.stop();
				awaitState(feed, WebSocket.State.Closed);
				context.start();
				awaitState(feed, WebSocket.State.Open);

				this.server.close();
				awaitState(feed, WebSocket.State.Closed);
				this.server = TestServer.start(port);
				awaitState(feed, WebSocket.State.Open);
			});
	}

	private static void awaitState(WebSocket client, WebSocket.State state) {
		await().atMost(Duration.ofSeconds(10)).until(client::getState, state::equals);
	}

}
