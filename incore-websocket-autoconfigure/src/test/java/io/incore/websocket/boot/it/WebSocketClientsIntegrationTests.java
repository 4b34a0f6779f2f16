package io.incore.websocket.boot.it;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.event.BinaryMessageReceivedEvent;
import io.incore.websocket.boot.event.ConnectedEvent;
import io.incore.websocket.boot.event.StateChangedEvent;
import io.incore.websocket.boot.event.TextMessageReceivedEvent;
import io.incore.websocket.boot.event.WebSocketEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * YAML-declared clients against a real Spring WebSocket server on a random port: they connect once the
 * application is ready and their signals arrive as application events, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "incore.websocket.clients.echo.url=ws://127.0.0.1:${local.server.port}/echo",
				"incore.websocket.clients.second.url=ws://127.0.0.1:${local.server.port}/echo" })
@DirtiesContext
class WebSocketClientsIntegrationTests {

	@Autowired
	private EventRecorder events;

	@Autowired
	@Qualifier("echo")
	private WebSocket echo;

	@Autowired
	private WebSocketClients clients;

	@Autowired
	private GreetingListener greetings;

	@Test
	void clientsConnectAndTheirSignalsArriveAsEventsInOrder() {
		await().until(() -> this.echo.getState() == WebSocket.State.Open
				&& this.clients.get("second").getState() == WebSocket.State.Open);
		await().until(() -> this.greetings.received.contains("Hello from echo"));
		this.echo.sendTextMessage("text");
		this.echo.sendBinaryMessage("bytes".getBytes(StandardCharsets.UTF_8));
		await().until(() -> this.events.stream(BinaryMessageReceivedEvent.class)
			.anyMatch((event) -> event.clientName().equals("echo")));

		List<String> echoEvents = this.events.stream(WebSocketEvent.class)
			.filter((event) -> event.clientName().equals("echo"))
			.map((event) -> event.getClass().getSimpleName())
			.filter((name) -> List.of("StateChangedEvent", "ConnectedEvent", "TextMessageReceivedEvent",
					"BinaryMessageReceivedEvent").contains(name))
			.toList();
		assertThat(echoEvents).containsExactly("StateChangedEvent", "StateChangedEvent", "ConnectedEvent",
				"TextMessageReceivedEvent", "TextMessageReceivedEvent", "BinaryMessageReceivedEvent");
		assertThat(this.events.stream(TextMessageReceivedEvent.class)
			.filter((event) -> event.clientName().equals("echo"))
			.map(TextMessageReceivedEvent::message)).containsExactly("Hello from echo", "text");
		assertThat(this.events.stream(ConnectedEvent.class).map(ConnectedEvent::clientName))
			.containsExactlyInAnyOrder("echo", "second");
		assertThat(this.events.stream(StateChangedEvent.class)).allMatch((event) -> event.webSocket() != null);
		assertThat(this.greetings.received).containsExactly("Hello from echo", "text");
	}

}
