package io.incore.websocket.boot.autoconfigure.metrics;

import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.metrics.WebSocketClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

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
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("incore.websocket.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebSocketClientMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebSocketClientMetrics.class));
	}

}
