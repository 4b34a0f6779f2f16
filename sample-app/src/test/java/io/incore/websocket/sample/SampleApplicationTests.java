package io.incore.websocket.sample;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application as a user runs it, on a random port with its clients pointed at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.feed.interval=100ms")
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebSocketClients clients;

	@Autowired
	private SampleClientListeners listeners;

	private RestClient http;

	@BeforeEach
	void connectEverything() {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		await().until(() -> this.clients.asMap().values().stream()
			.allMatch((client) -> client.getState() == WebSocket.State.Open));
	}

	@Test
	void theGreeterGetsItsGreetingBack() {
		await().until(() -> this.listeners.received().contains("greeter: " + SampleClientListeners.GREETING));
	}

	@Test
	void theTickerReadsFeedLinesInIoDeviceMode() {
		await().until(() -> this.listeners.feedLines().size() >= 3);
		assertThat(this.listeners.feedLines()).allMatch((line) -> line.matches("tick \\d+ \\S+"));
		assertThat(this.clients.get("ticker").isOpen()).isTrue();
	}

	@Test
	void theQuotesClientReceivesTheTicksOfItsStompSubscription() {
		await().until(() -> this.listeners.stompMessages().stream()
			.anyMatch((message) -> message.matches("/topic/ticks quote tick \\d+")));
		assertThat(this.clients.get("quotes").getNegotiatedSubProtocol()).isEqualTo("v12.stomp");
	}

	@Test
	void theChatClientNegotiatedItsSubprotocol() {
		WebSocket chat = this.clients.get("chat");
		assertThat(chat.getNegotiatedSubProtocol()).isEqualTo("chat.v1");
		assertThat(chat.getOptions().heartbeat()).isNotNull();
	}

	@Test
	void healthIsUpWithAComponentPerClient() {
		ResponseEntity<JsonNode> health = this.http.get().uri("/actuator/health").retrieve().toEntity(JsonNode.class);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody().get("status").asString()).isEqualTo("UP");
		JsonNode components = health.getBody().at("/components/incoreWebSocket/components");
		assertThat(components.propertyNames()).containsExactlyInAnyOrder("greeter", "ticker", "chat", "quotes");
		for (String client : components.propertyNames()) {
			assertThat(components.get(client).get("status").asString()).as(client).isEqualTo("UP");
		}
	}

	@Test
	void messageMetricsMatchTheClients() {
		await().until(() -> this.clients.get("greeter").getStatistics().textMessagesReceived() >= 1);
		WebSocket greeter = this.clients.get("greeter");
		double sent = metric("incore.websocket.messages.sent", "greeter", "text");
		assertThat(sent).isGreaterThanOrEqualTo(1).isEqualTo(greeter.getStatistics().textMessagesSent());
		await().until(() -> metric("incore.websocket.messages.received", "ticker", "binary") >= 1);
	}

	private double metric(String name, String client, String type) {
		return this.http.get()
			.uri("/actuator/metrics/{name}?tag=client:{client}&tag=type:{type}", name, client, type)
			.retrieve()
			.body(JsonNode.class)
			.at("/measurements/0/value")
			.asDouble();
	}

	@Test
	void theRestEndpointSendsThroughANamedClient() {
		ResponseEntity<JsonNode> response = this.http.post()
			.uri("/clients/chat/messages")
			.contentType(MediaType.TEXT_PLAIN)
			.body("shout please")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().get("bytes").asLong()).isEqualTo(12);
		await().until(() -> this.listeners.received().contains("chat: SHOUT PLEASE"));
	}

	@Test
	void anUnknownClientNameGetsA404() {
		ResponseEntity<JsonNode> response = this.http.post()
			.uri("/clients/nobody/messages")
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello?")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody().get("error").asString()).contains("No client named 'nobody'");
	}

}
