package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;

import io.incore.websocket.boot.springws.IncoreWebSocketClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IncoreWebSocketClientAutoConfiguration}.
 */
class IncoreWebSocketClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketClientAutoConfiguration.class));

	@Test
	void providesTheSpringWebSocketClientWithTheDefaultsSettings() {
		this.contextRunner.withPropertyValues("incore.websocket.defaults.handshake-timeout=3s",
				"incore.websocket.defaults.headers.X-Team=blue")
			.run((context) -> {
				assertThat(context).hasSingleBean(WebSocketClient.class);
				IncoreWebSocketClient client = context.getBean(IncoreWebSocketClient.class);
				assertThat(client.getOptions().handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(client.getOptions().headers()).containsEntry("X-Team", "blue");
			});
	}

	@Test
	void anInvalidDefaultFailsWithAnAnalysis() {
		this.contextRunner.withPropertyValues("incore.websocket.defaults.close-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("incore.websocket.defaults.close-timeout"));
	}

	@Test
	void backsOffForAWebSocketClientOfTheApplication() {
		this.contextRunner.withBean(WebSocketClient.class, StandardWebSocketClient::new)
			.run((context) -> assertThat(context).doesNotHaveBean(IncoreWebSocketClient.class));
	}

	@Test
	void backsOffWithoutSpringWebSocket() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.web.socket"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IncoreWebSocketClient.class));
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("incore.websocket.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(IncoreWebSocketClient.class));
	}

}
