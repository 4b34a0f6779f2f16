package io.incore.websocket.boot.it;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.TestServer;
import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.event.DisconnectedEvent;
import io.incore.websocket.boot.event.ReconnectScheduledEvent;
import io.incore.websocket.boot.event.WebSocketEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics, health and the {@code websockets} endpoint over HTTP, with clients against the application's own
 * echo endpoint and against a separate server that the test stops and restarts. The clients' URLs and headers
 * carry secrets that must not appear in any output.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics,websockets",
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.websockets.access=unrestricted",
				"incore.websocket.clients.echo.url=ws://127.0.0.1:${local.server.port}/echo?access_token="
						+ ObservabilityIntegrationTests.TOKEN,
				"incore.websocket.clients.echo.headers.Authorization=Bearer " + ObservabilityIntegrationTests.TOKEN,
				"incore.websocket.clients.remote.reconnect.initial-delay=100ms",
				"incore.websocket.clients.remote.reconnect.max-delay=300ms",
				"incore.websocket.clients.remote.reconnect.retry-on-http-statuses=404,408,429",
				"incore.websocket.clients.optional.url=ws://alice:" + ObservabilityIntegrationTests.TOKEN
						+ "@127.0.0.1:1/nothing?jwt=" + ObservabilityIntegrationTests.TOKEN + "&ticket="
						+ ObservabilityIntegrationTests.TOKEN + "&tenant=" + ObservabilityIntegrationTests.TOKEN
						+ "#token=" + ObservabilityIntegrationTests.TOKEN,
				"incore.websocket.clients.optional.redacted-names=tenant",
				"incore.websocket.clients.optional.health.required=false" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

	static final String TOKEN = "t0k3n-0f-s3cr3ts";

	private static TestServer remoteServer;

	@LocalServerPort
	private int port;

	@Autowired
	private WebSocketClients clients;

	@Autowired
	private EventRecorder events;

	@DynamicPropertySource
	static void remoteServer(DynamicPropertyRegistry registry) {
		remoteServer = TestServer.start();
		registry.add("incore.websocket.clients.remote.url", () -> remoteServer.url("/echo"));
	}

	@AfterAll
	static void stopRemoteServer() {
		remoteServer.close();
	}

	@Test
	void metricsCountWhatWasSentAndReceived() throws InterruptedException {
		WebSocket echo = this.clients.get("echo");
		await().until(() -> echo.getState() == WebSocket.State.Open);
		await().until(() -> echo.getStatistics().textMessagesReceived() >= 1);
		ActuatorClient actuator = new ActuatorClient(this.port);
		MetricsSnapshot before = new MetricsSnapshot(actuator);
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		echo.textMessageReceived.connect(received::add);
		echo.binaryMessageReceived.connect(received::add);
		for (int i = 0; i < 3; i++) {
			echo.sendTextMessage("tick " + i);
		}
		echo.sendBinaryMessage(new byte[10]);
		echo.sendBinaryMessage(new byte[20]);
		for (int i = 0; i < 5; i++) {
			assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
		}
		MetricsSnapshot after = new MetricsSnapshot(actuator);
		assertThat(after.textSent - before.textSent).isEqualTo(3.0);
		assertThat(after.textReceived - before.textReceived).isEqualTo(3.0);
		assertThat(after.textBytesSent - before.textBytesSent).isEqualTo(3.0 * "tick 0".length());
		assertThat(after.binarySent - before.binarySent).isEqualTo(2.0);
		assertThat(after.binaryBytesReceived - before.binaryBytesReceived).isEqualTo(30.0);
		assertThat(after.textSent).isEqualTo(echo.getStatistics().textMessagesSent());
		assertThat(metric(actuator, "incore.websocket.open", null)).isEqualTo(1.0);
		assertThat(metric(actuator, "incore.websocket.connect.attempts", "outcome:success")).isEqualTo(1.0);
	}

	/**
	 * The traffic meters of the {@code echo} client, read over HTTP.
	 */
	private static final class MetricsSnapshot {

		final double textSent;

		final double textReceived;

		final double textBytesSent;

		final double binarySent;

		final double binaryBytesReceived;

		MetricsSnapshot(ActuatorClient actuator) {
			this.textSent = metric(actuator, "incore.websocket.messages.sent", "type:text");
			this.textReceived = metric(actuator, "incore.websocket.messages.received", "type:text");
			this.textBytesSent = metric(actuator, "incore.websocket.bytes.sent", "type:text");
			this.binarySent = metric(actuator, "incore.websocket.messages.sent", "type:binary");
			this.binaryBytesReceived = metric(actuator, "incore.websocket.bytes.received", "type:binary");
		}

	}

	private static double metric(ActuatorClient actuator, String name, String tag) {
		return metricOf(actuator, "echo", name, tag);
	}

	private static double metricOf(ActuatorClient actuator, String client, String name, String tag) {
		String query = "?tag=client:" + client + ((tag != null) ? "&tag=" + tag : "");
		ActuatorClient.Response response = actuator.get("/actuator/metrics/" + name + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("measurements").get(0).get("value").asDouble();
	}

	@Test
	void healthFollowsTheRemoteServerDownAndUpAgain() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		await().until(() -> componentStatus(actuator, "remote").equals("UP")
				&& componentStatus(actuator, "echo").equals("UP"));
		assertThat(componentStatus(actuator, "optional")).as("down, but not required").isEqualTo("UNKNOWN");
		ActuatorClient.Response up = actuator.get("/actuator/health");
		assertThat(up.status()).isEqualTo(200);
		assertThat(up.json().at("/components/incoreWebSocket/status").asString()).isEqualTo("UP");
		assertThat(up.json().at("/components/incoreWebSocket/components/optional/details/connection").asString())
			.isEqualTo("down");
		assertThat(up.json().at("/components/incoreWebSocket/components/echo/details/extensions/0").asString())
			.isEqualTo("permessage-deflate");
		assertThat(actuator.get("/actuator/health/readiness").status()).isEqualTo(200);

		int remotePort = remoteServer.port();
		remoteServer.close();
		await().until(() -> componentStatus(actuator, "remote").equals("DOWN"));
		ActuatorClient.Response down = actuator.get("/actuator/health");
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.json().at("/components/incoreWebSocket/components/remote/details/state").asString())
			.isNotEqualTo("Open");
		ActuatorClient.Response notReady = actuator.get("/actuator/health/readiness");
		assertThat(notReady.status()).isEqualTo(503);
		assertThat(notReady.json().at("/status").asString()).isEqualTo("DOWN");
		ActuatorClient.Response alive = actuator.get("/actuator/health/liveness");
		assertThat(alive.status()).as("an upstream down is no reason to restart").isEqualTo(200);
		await().ignoreExceptions()
			.until(() -> metricOf(actuator, "remote", "incore.websocket.disconnects", null) >= 1.0);
		await().until(() -> this.events.stream(ReconnectScheduledEvent.class)
			.anyMatch((event) -> event.clientName().equals("remote")));
		DisconnectedEvent ended = this.events.stream(DisconnectedEvent.class)
			.filter((event) -> event.clientName().equals("remote"))
			.findFirst()
			.orElseThrow();
		assertThat(ended.closeCode()).as("the end of an open connection").isNotEqualTo(-1);
		ReconnectScheduledEvent scheduled = this.events.stream(ReconnectScheduledEvent.class)
			.filter((event) -> event.clientName().equals("remote"))
			.findFirst()
			.orElseThrow();
		assertThat(scheduled.attempt()).isOne();
		assertThat(scheduled.delay()).isPositive();
		assertThat(scheduled.cause()).isNotBlank();

		remoteServer = TestServer.start(remotePort);
		await().until(() -> componentStatus(actuator, "remote").equals("UP"));
		assertThat(actuator.get("/actuator/health").status()).isEqualTo(200);
		assertThat(actuator.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void errorsAndReconnectAttemptsAreCounted() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		await().until(() -> this.clients.get("optional").getReconnectAttempts() >= 1);
		assertThat(metricOf(actuator, "optional", "incore.websocket.errors", "socket.error:ConnectionRefusedError"))
			.isGreaterThanOrEqualTo(1.0);
		double reconnects = metricOf(actuator, "optional", "incore.websocket.reconnect.attempts", null);
		assertThat(reconnects).isBetween(1.0,
				(double) this.clients.get("optional").getStatistics().reconnectsScheduled());
		assertThat(metricOf(actuator, "optional", "incore.websocket.connect.attempts", "outcome:failure"))
			.isGreaterThanOrEqualTo(1.0);
	}

	private static String componentStatus(ActuatorClient actuator, String client) {
		return actuator.get("/actuator/health")
			.json()
			.at("/components/incoreWebSocket/components/" + client + "/status")
			.asString();
	}

	@Test
	void endpointListsClientsActsOnThemAndAnswers404ForUnknownNames() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		await().until(() -> this.clients.get("echo").getState() == WebSocket.State.Open);
		ActuatorClient.Response all = actuator.get("/actuator/websockets");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().propertyNames()).contains("echo", "remote", "optional");
		assertThat(actuator.get("/actuator/websockets/echo").json().get("state").asString()).isEqualTo("Open");
		assertThat(actuator.get("/actuator/websockets/echo").json().get("sendBufferDepth").asInt()).isZero();
		assertThat(actuator.get("/actuator/websockets/echo").json().at("/negotiatedExtensions/0").asString())
			.as("Tomcat agrees to permessage-deflate").isEqualTo("permessage-deflate");
		assertThat(actuator.get("/actuator/websockets/nope").status()).isEqualTo(404);
		assertThat(actuator.post("/actuator/websockets/nope", "{\"action\":\"connect\"}").status()).isEqualTo(404);

		ActuatorClient.Response sent = actuator.post("/actuator/websockets/echo",
				"{\"action\":\"send\",\"message\":\"via actuator\"}");
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.json().get("sent").asLong()).isEqualTo("via actuator".length());
		assertThat(actuator.post("/actuator/websockets/echo", "{\"action\":\"jump\"}").status()).isEqualTo(400);
	}

	@Test
	void secretsAppearInNoOutput(CapturedOutput output) {
		ActuatorClient actuator = new ActuatorClient(this.port);
		await().until(() -> this.clients.get("optional").getError() == WebSocket.Error.IpSocketError);
		await().until(() -> this.clients.get("echo").getState() == WebSocket.State.Open);
		String health = actuator.get("/actuator/health").body();
		String endpoint = actuator.get("/actuator/websockets").body();
		String events = this.events.stream(WebSocketEvent.class).map(Object::toString).toList().toString();
		String errors = this.clients.get("optional").getErrorString();
		String options = this.clients.get("echo").getOptions().toString();
		String metrics = actuator.get("/actuator/metrics/incore.websocket.errors").body()
				+ actuator.get("/actuator/metrics/incore.websocket.state").body();
		assertThat(health).contains("access_token=***").contains("jwt=***&ticket=***&tenant=***#***");
		assertThat(errors).contains("***@127.0.0.1:1");
		assertThat(events).contains("ConnectedEvent");
		assertThat(metrics).contains("optional");
		assertThat(String.join("\n", health, endpoint, events, errors, options, metrics, output.getAll()))
			.doesNotContain(TOKEN);
	}

}
