package io.incore.websocket.boot.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the application context closes every client with 1001 Going Away, seen by the server, and leaves no
 * thread of this library behind.
 */
class GracefulShutdownTests {

	@Test
	void shutdownSendsGoingAwayAndLeavesNoThreads() throws InterruptedException {
		EchoServerApplication.closeStatuses.clear();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EchoServerApplication.class)
			.properties("server.port=0", "incore.websocket.clients.echo.url=ws://127.0.0.1:${local.server.port}/echo")
			.run();
		WebSocket echo = context.getBean(WebSocketClients.class).get("echo");
		await().until(() -> echo.getState() == WebSocket.State.Open);

		context.close();
		assertThat(echo.getState()).isEqualTo(WebSocket.State.Closed);
		CloseStatus seenByServer = EchoServerApplication.closeStatuses.poll(10, TimeUnit.SECONDS);
		assertThat(seenByServer).isNotNull();
		assertThat(seenByServer.getCode()).isEqualTo(1001);
		assertThat(echo.getCloseCode()).as("the server answered the close handshake").isEqualTo(1001);
		await().atMost(Duration.ofSeconds(10)).until(() -> libraryThreads().isEmpty());
	}

	private static List<String> libraryThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("incore-websocket-"))
			.toList();
	}

}
