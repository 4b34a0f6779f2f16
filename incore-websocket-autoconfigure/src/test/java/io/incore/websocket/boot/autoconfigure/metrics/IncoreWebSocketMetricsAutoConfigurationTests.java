package io.incore.websocket.boot.autoconfigure.metrics;

import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.metrics.WebSocketClientMetrics;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.TestServer;
import io.incore.websocket.WebSocket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IncoreWebSocketMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
				IncoreWebSocketMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("incore.websocket.defaults.auto-connect=false",
				"incore.websocket.clients.feed.url=ws://h/feed");

	@Test
	void bindsMetersTaggedWithTheClientName() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WebSocketClientMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("incore.websocket.state").tag("client", "feed").gauge().value()).isEqualTo(3.0);
			assertThat(registry.get("incore.websocket.messages.sent").tag("client", "feed").tag("type", "text")
				.functionCounter()
				.count()).isZero();
		});
	}

	@Test
	void bootsMeterFilterSwitchesTheMetersOffAllOrSome() {
		this.contextRunner.withPropertyValues("management.metrics.enable.incore.websocket=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("incore.websocket.state").meters()).isEmpty();
			assertThat(registry.find("incore.websocket.messages.sent").meters()).isEmpty();
		});
		this.contextRunner.withPropertyValues("management.metrics.enable.incore.websocket.bytes=false")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("incore.websocket.bytes.sent").meters()).isEmpty();
				assertThat(registry.find("incore.websocket.messages.sent").meters()).isNotEmpty();
			});
	}

	@Test
	void everyHeartbeatRoundTripIsRecordedInATimer() {
		try (TestServer server = TestServer.start()) {
			this.contextRunner
				.withPropertyValues("incore.websocket.clients.feed.url=" + server.url("/echo"),
						"incore.websocket.clients.feed.auto-connect=true",
						"incore.websocket.clients.feed.heartbeat.interval=50ms")
				.run((context) -> {
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					Timer timer = registry.get("incore.websocket.heartbeat.round.trip.time").tag("client", "feed")
						.timer();
					await().until(() -> timer.count() >= 3);
					assertThat(timer.max(TimeUnit.NANOSECONDS)).isPositive();
				});
		}
	}

	@Test
	void theSendBufferBacklogIsAGauge() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=ws://127.0.0.1:" + port + "/gone",
					"incore.websocket.clients.feed.auto-connect=true",
					"incore.websocket.clients.feed.reconnect.initial-delay=1m",
					"incore.websocket.clients.feed.reconnect.max-delay=1m",
					"incore.websocket.clients.feed.send-buffer.max-messages=10")
			.run((context) -> {
				WebSocket feed = context.getBean("feed", WebSocket.class);
				await().until(() -> feed.getReconnectAttempts() == 1);
				assertThat(feed.sendTextMessage("held 1")).isPositive();
				assertThat(feed.sendTextMessage("held 2")).isPositive();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("incore.websocket.send.buffer.depth").tag("client", "feed").gauge().value())
					.isEqualTo(2);
			});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebSocketClientMetrics.class));
	}

}
