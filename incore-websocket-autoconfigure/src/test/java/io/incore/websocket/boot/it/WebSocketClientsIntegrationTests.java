package io.incore.websocket.boot.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
				"incore.websocket.clients.second.url=ws://127.0.0.1:${local.server.port}/echo",
				"incore.websocket.clients.second.compression.enabled=false",
				"incore.websocket.clients.deflated.url=ws://127.0.0.1:${local.server.port}/echo" })
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
			.containsExactlyInAnyOrder("echo", "second", "deflated");
		assertThat(this.events.stream(StateChangedEvent.class)).allMatch((event) -> event.webSocket() != null);
		assertThat(this.greetings.received).containsExactly("Hello from echo", "text");
	}

	@Test
	void compressionIsAgreedWithSpringsServerUnlessTurnedOffAndMessagesRoundTrip() throws InterruptedException {
		WebSocket second = this.clients.get("second");
		WebSocket deflated = this.clients.get("deflated");
		await().until(() -> deflated.getState() == WebSocket.State.Open && second.getState() == WebSocket.State.Open);
		await().until(() -> deflated.getStatistics().textMessagesReceived() == 1);
		assertThat(deflated.getNegotiatedExtensions()).containsExactly("permessage-deflate");
		assertThat(second.getNegotiatedExtensions()).isEmpty();
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		deflated.textMessageReceived.connect(received::add);
		deflated.binaryMessageReceived.connect(received::add);
		String text = "{\"price\":101.25,\"symbol\":\"ACME\"} ".repeat(200);
		byte[] binary = new byte[8000];
		Arrays.fill(binary, 4000, 8000, (byte) 42);
		for (int i = 0; i < 5; i++) {
			deflated.sendTextMessage(text + i);
		}
		deflated.sendBinaryMessage(binary);
		for (int i = 0; i < 5; i++) {
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(text + i);
		}
		assertThat((byte[]) received.poll(10, TimeUnit.SECONDS)).isEqualTo(binary);
	}

}
