package io.incore.websocket.boot.autoconfigure.endpoint;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.endpoint.WebSocketsEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
				WebSocketsEndpointAutoConfiguration.class))
		.withPropertyValues("incore.websocket.defaults.auto-connect=false",
				"incore.websocket.clients.feed.url=ws://h/feed");

	@Test
	void providesTheEndpointWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=websockets")
			.run((context) -> assertThat(context).hasSingleBean(WebSocketsEndpoint.class));
	}

	@Test
	void backsOffWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(WebSocketsEndpoint.class));
	}

	/**
	 * Imports through Boot's auto-configuration selector, as in an application without Actuator.
	 */
	@Test
	void backsOffWithoutActuator() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsInAnApplication.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("incore.websocket.defaults.auto-connect=false", "incore.websocket.clients.a.url=ws://h/a",
					"management.endpoints.web.exposure.include=websockets")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WebSocketClients.class)
				.doesNotHaveBean(WebSocketsEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ IncoreWebSocketAutoConfiguration.class, WebSocketsEndpointAutoConfiguration.class })
	static class ImportedAsInAnApplication {

	}

}
