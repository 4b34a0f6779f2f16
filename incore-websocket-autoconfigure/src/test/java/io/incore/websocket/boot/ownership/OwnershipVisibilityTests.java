package io.incore.websocket.boot.ownership;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketOwnershipAutoConfiguration;
import io.incore.websocket.boot.endpoint.WebSocketsEndpoint;
import io.incore.websocket.boot.health.WebSocketHealthIndicator;
import io.incore.websocket.boot.metrics.WebSocketClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.integration.support.locks.DefaultLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What single-instance ownership shows (health, endpoint, gauge, events), yielding through the endpoint, and the
 * start-up failures when its engine or its lock registry is missing.
 */
class OwnershipVisibilityTests {

	@BeforeAll
	static void createTheLockTable() throws IOException {
		OwnershipJdbcTests.createTheLockTable();
	}

	/**
	 * Also: a start-up mode that waits does not hold a standby's start (it would never connect).
	 */
	@Test
	void aStandbyIsUpAndNotOwnerAndYieldingMovesTheConnection() throws InterruptedException {
		try (CountingServer server = CountingServer.start();
				Replicas replicas = new Replicas(RecordingReplica.class,
						"incore.websocket.clients.feed.url=" + server.url(),
						"incore.websocket.clients.feed.ownership.mode=single-instance",
						"incore.websocket.clients.feed.ownership.role=test-" + UUID.randomUUID(),
						"incore.websocket.clients.feed.close-timeout=1s", "test.lock.ttl=2000",
						"incore.websocket.clients.feed.startup.mode=fail-fast")) {
			ConfigurableApplicationContext first = replicas.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> replicas.connectedOwner().isPresent());
			ConfigurableApplicationContext second = replicas.start();

			Health standby = health(second);
			assertThat(standby.getStatus()).isEqualTo(Status.UP);
			assertThat(standby.getDetails()).containsEntry("owner", false).containsEntry("connection", "closed-on-purpose");
			assertThat(health(first).getDetails()).containsEntry("owner", true).containsEntry("connection", "open");
			assertThat(gauge(first)).isOne();
			assertThat(gauge(second)).isZero();
			assertThat(endpoint(second).clients().get("feed").owner()).isFalse();
			assertThat(first.getBean(EventRecorder.class).events).extracting(Object::getClass)
				.containsExactly(OwnershipGrantedEvent.class);

			assertThat(endpoint(first).act("feed", "yield", null).getBody()).isEqualTo(Map.of("yielded", true));
			await().atMost(Duration.ofSeconds(10)).until(() -> replicas.connectedOwner().equals(Optional.of(second)));
			assertThat(endpoint(second).clients().get("feed").owner()).isTrue();
			assertThat(first.getBean(EventRecorder.class).events).last()
				.isInstanceOfSatisfying(OwnershipRevokedEvent.class,
						(revoked) -> assertThat(revoked.reason()).isEqualTo("yielded"));
			assertThat(CountingServer.mostAtOnce).hasValue(1);
		}
	}

	@Test
	void singleInstanceWithoutALockRegistryFailsWithAnAnalysis() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
					IncoreWebSocketOwnershipAutoConfiguration.class))
			.withPropertyValues("incore.websocket.clients.feed.url=ws://127.0.0.1:9/feed",
					"incore.websocket.clients.feed.ownership.mode=single-instance")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("incore.websocket.clients.feed.ownership.mode")
				.hasMessageContaining("needs a LockRegistry bean"));
	}

	@Test
	void withSeveralLockRegistriesOneMustBeNamed() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
					IncoreWebSocketOwnershipAutoConfiguration.class))
			.withBean("first", DefaultLockRegistry.class)
			.withBean("second", DefaultLockRegistry.class)
			.withPropertyValues("incore.websocket.clients.feed.url=ws://127.0.0.1:9/feed",
					"incore.websocket.clients.feed.ownership.mode=single-instance");
		runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("several LockRegistry beans"));
		runner.withPropertyValues("incore.websocket.clients.feed.ownership.lock-registry=second")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(ClientOwnerships.class)
				.satisfies((ownerships) -> assertThat(ownerships.role("feed")).contains("incore.websocket.feed")));
		runner.withPropertyValues("incore.websocket.clients.feed.ownership.lock-registry=third")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("incore.websocket.clients.feed.ownership.lock-registry")
				.hasMessageContaining("no LockRegistry bean of that name"));
	}

	@Test
	void singleInstanceWithoutSpringIntegrationFailsWithAnAnalysis() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
					IncoreWebSocketOwnershipAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.integration"))
			.withPropertyValues("incore.websocket.clients.feed.url=ws://127.0.0.1:9/feed",
					"incore.websocket.clients.feed.ownership.mode=single-instance")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Spring Integration, which is not on the classpath"));
	}

	private static Health health(ConfigurableApplicationContext instance) {
		return new WebSocketHealthIndicator(Replicas.feed(instance), true,
				() -> Replicas.ownerships(instance).isOwner("feed")).health();
	}

	private static double gauge(ConfigurableApplicationContext instance) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new WebSocketClientMetrics(instance.getBean(WebSocketClients.class), Replicas.ownerships(instance))
			.bindTo(registry);
		return registry.get("incore.websocket.owner").tag("client", "feed").gauge().value();
	}

	private static WebSocketsEndpoint endpoint(ConfigurableApplicationContext instance) {
		return new WebSocketsEndpoint(instance.getBean(WebSocketClients.class), Replicas.ownerships(instance));
	}

	/**
	 * A JDBC instance that records its ownership events.
	 */
	static class RecordingReplica extends OwnershipJdbcTests.JdbcReplica {

		@Bean
		EventRecorder eventRecorder() {
			return new EventRecorder();
		}

	}

	static class EventRecorder {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener({ OwnershipGrantedEvent.class, OwnershipRevokedEvent.class })
		void record(Object event) {
			this.events.add(event);
		}

	}

}
