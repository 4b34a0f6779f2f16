package io.incore.websocket.boot.autoconfigure.health;

import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import org.junit.jupiter.api.Test;

import io.incore.websocket.boot.WebSocketClients;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class IncoreWebSocketHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
				IncoreWebSocketHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class))
		.withPropertyValues("incore.websocket.defaults.auto-connect=false", "incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.b.url=ws://h/b");

	@Test
	void contributesOneComponentPerClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("incoreWebSocketHealthContributor");
			CompositeHealthContributor composite = context.getBean("incoreWebSocketHealthContributor",
					CompositeHealthContributor.class);
			assertThat(composite.getContributor("a")).isNotNull();
			assertThat(composite.getContributor("b")).isNotNull();
		});
	}

	@Test
	void whetherAClientIsRequiredComesFromItsHealthSettingsThenTheDefaults() {
		this.contextRunner
			.withPropertyValues("incore.websocket.defaults.health.required=false",
					"incore.websocket.clients.a.health.required=true", "incore.websocket.clients.c.url=ws://h/c")
			.run((context) -> {
				CompositeHealthContributor composite = context.getBean("incoreWebSocketHealthContributor",
						CompositeHealthContributor.class);
				assertThat(required(composite, "a")).isTrue();
				assertThat(required(composite, "b")).isFalse();
				assertThat(required(composite, "c")).isFalse();
			});
		this.contextRunner.run((context) -> assertThat(required(
				context.getBean("incoreWebSocketHealthContributor", CompositeHealthContributor.class), "b"))
			.as("required unless configured otherwise")
			.isTrue());
	}

	private static boolean required(CompositeHealthContributor composite, String client) {
		return (Boolean) ((HealthIndicator) composite.getContributor(client)).health().getDetails().get("required");
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.incorewebsocket.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("incoreWebSocketHealthContributor"));
	}

	/**
	 * Imports through Boot's auto-configuration selector, whose class filter runs before any condition class of
	 * an auto-configuration is loaded, as in an application without the health module.
	 */
	@Test
	void backsOffWithoutTheHealthModule() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsInAnApplication.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("incore.websocket.defaults.auto-connect=false", "incore.websocket.clients.a.url=ws://h/a")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WebSocketClients.class)
				.doesNotHaveBean("incoreWebSocketHealthContributor"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ IncoreWebSocketAutoConfiguration.class,
			IncoreWebSocketHealthContributorAutoConfiguration.class })
	static class ImportedAsInAnApplication {

	}

}
