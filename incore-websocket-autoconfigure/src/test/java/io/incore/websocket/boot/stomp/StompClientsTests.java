package io.incore.websocket.boot.stomp;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketStompAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.metrics.IncoreWebSocketMetricsAutoConfiguration;
import io.incore.websocket.boot.event.WebSocketEvent;
import io.incore.websocket.boot.stomp.server.StompServerApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * STOMP clients from configuration against a real Spring STOMP broker that the test stops and starts again: the
 * subscriptions come back after the reconnect and messages flow, sends go through the registry, an ERROR frame is
 * an event, and nothing is left running.
 */
class StompClientsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
				IncoreWebSocketStompAutoConfiguration.class))
		.withUserConfiguration(Recorder.class);

	private ConfigurableApplicationContext server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private ApplicationContextRunner quotes(int port, String... properties) {
		return this.contextRunner.withPropertyValues("incore.websocket.clients.quotes.url=ws://127.0.0.1:" + port
				+ "/stomp", "incore.websocket.clients.quotes.reconnect.initial-delay=100ms",
				"incore.websocket.clients.quotes.reconnect.max-delay=200ms",
				"incore.websocket.clients.quotes.stomp.enabled=true",
				"incore.websocket.clients.quotes.stomp.subscriptions[0].destination=/topic/ticks",
				"incore.websocket.clients.quotes.stomp.subscriptions[1].destination=/topic/echo",
				"incore.websocket.clients.quotes.stomp.subscriptions[1].id=echoes")
			.withPropertyValues(properties);
	}

	@Test
	void theSubscriptionsComeBackAfterTheServerRestartsAndMessagesFlowAgain() throws IOException {
		int port = freePort();
		this.server = StompServerApplication.start(port);
		quotes(port, "incore.websocket.clients.quotes.stomp.metrics-per-destination=true")
			.withConfiguration(AutoConfigurations.of(IncoreWebSocketMetricsAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				awaitTick(recorder, "tick 1");
				assertThat(context.getBean(MeterRegistry.class)
					.get("incore.websocket.stomp.messages.received")
					.tag("client", "quotes")
					.tag("destination", "/topic/ticks")
					.counter()
					.count()).isPositive();
				WebSocket socket = context.getBean("quotes", WebSocket.class);

				this.server.close();
				await().until(() -> socket.getState() != WebSocket.State.Open);
				this.server = StompServerApplication.start(port);
				awaitTick(recorder, "tick 2");
				StompMessageReceivedEvent tick = recorder.stomp("/topic/ticks").get(0);
				assertThat(tick.clientName()).isEqualTo("quotes");
				assertThat(tick.webSocket()).isSameAs(socket);
				assertThat(tick.headers().getSubscription()).isNotBlank();

				StompSessions sessions = context.getBean(StompSessions.class);
				await().untilAsserted(() -> {
					sessions.send("quotes", "/app/echo", "through the registry");
					assertThat(recorder.stomp("/topic/echo")).extracting(StompMessageReceivedEvent::payloadAsString)
						.contains("through the registry");
				});
				assertThat(recorder.stomp("/topic/echo").get(0).headers().getSubscription()).isEqualTo("echoes");
			});
		await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
			.noneMatch((thread) -> thread.getName().startsWith("incore-websocket-stomp-")));
	}

	@Test
	void anErrorFrameIsPublishedAndThePasscodeIsNeverShown() throws IOException {
		int port = freePort();
		this.server = StompServerApplication.start(port);
		quotes(port, "incore.websocket.clients.quotes.stomp.login=intruder",
				"incore.websocket.clients.quotes.stomp.passcode=s3cr3t-passcode")
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				await().until(() -> recorder.events.stream().anyMatch(StompErrorEvent.class::isInstance));
				StompErrorEvent error = recorder.events.stream()
					.filter(StompErrorEvent.class::isInstance)
					.map(StompErrorEvent.class::cast)
					.findFirst()
					.orElseThrow();
				assertThat(error.message()).contains("ERROR frame");
				assertThat(error.clientName()).isEqualTo("quotes");
				assertThat(recorder.events.toString()).doesNotContain("s3cr3t-passcode");
				await().until(() -> recorder.errorFrames().size() >= 2);
				Duration between = Duration.between(recorder.errorFrames().get(0), recorder.errorFrames().get(1));
				assertThat(between).as("CONNECT is tried again after the reconnect policy's first delay, 100ms ± 20%%")
					.isGreaterThanOrEqualTo(Duration.ofMillis(80));
			});
	}

	@Test
	void withAutoReceiptTheReceiptsOfSubscriptionsAndSendsArePublished() throws IOException {
		int port = freePort();
		this.server = StompServerApplication.start(port);
		quotes(port, "incore.websocket.clients.quotes.stomp.auto-receipt=true").run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			await().until(() -> recorder.receipts().size() >= 2);
			assertThat(recorder.receipts()).allMatch(StompReceiptEvent::received);
			StompSessions sessions = context.getBean(StompSessions.class);
			String receiptId = sessions.send("quotes", "/app/echo", "with a receipt").getReceiptId();
			assertThat(receiptId).isNotNull();
			await().until(() -> recorder.receipts().stream().anyMatch((event) -> event.receiptId().equals(receiptId)));
		});
	}

	@Test
	void aSubscriptionWithoutDestinationFailsWithAnAnalysis() {
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.quotes.url=ws://127.0.0.1:9/stomp",
					"incore.websocket.clients.quotes.auto-connect=false",
					"incore.websocket.clients.quotes.stomp.enabled=true",
					"incore.websocket.clients.quotes.stomp.subscriptions[0].id=nameless")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("incore.websocket.clients.quotes.stomp.subscriptions[0].destination"));
	}

	@Test
	void clientsWithoutStompHaveNoSession() {
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.plain.url=ws://127.0.0.1:9/plain",
					"incore.websocket.clients.plain.auto-connect=false")
			.run((context) -> assertThat(context.getBean(StompSessions.class).asMap()).isEmpty());
	}

	/**
	 * Publishes on {@code /topic/ticks} until the client has the message: the subscription is made some time after
	 * the connection opens.
	 */
	private void awaitTick(Recorder recorder, String tick) {
		SimpMessagingTemplate broker = this.server.getBean(SimpMessagingTemplate.class);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			broker.convertAndSend("/topic/ticks", tick);
			assertThat(recorder.stomp("/topic/ticks")).extracting(StompMessageReceivedEvent::payloadAsString)
				.contains(tick);
		});
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Recorder {

		final List<WebSocketEvent> events = new CopyOnWriteArrayList<>();

		private final List<Instant> errorFrames = new CopyOnWriteArrayList<>();

		@EventListener
		void record(WebSocketEvent event) {
			this.events.add(event);
			if (event instanceof StompErrorEvent error && error.message().contains("ERROR frame")) {
				this.errorFrames.add(Instant.now());
			}
		}

		List<Instant> errorFrames() {
			return this.errorFrames;
		}

		List<StompReceiptEvent> receipts() {
			return this.events.stream()
				.filter(StompReceiptEvent.class::isInstance)
				.map(StompReceiptEvent.class::cast)
				.toList();
		}

		List<StompMessageReceivedEvent> stomp(String destination) {
			return this.events.stream()
				.filter(StompMessageReceivedEvent.class::isInstance)
				.map(StompMessageReceivedEvent.class::cast)
				.filter((event) -> event.destination().equals(destination))
				.toList();
		}

	}

}
