package io.incore.websocket.boot.ownership;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketOwnershipAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single-instance ownership on PostgreSQL ({@code JdbcLockRegistry}, the lock table of Spring Integration's own
 * schema script): three instances, one connection, and ownership that moves without two connections at once, when
 * the owner stops and when its database becomes unreachable.
 */
class OwnershipJdbcTests {

	private static final long TTL_MILLIS = 2000;

	@BeforeAll
	static void createTheLockTable() throws IOException {
		String script;
		try (InputStream in = JdbcLockRegistry.class
			.getResourceAsStream("/org/springframework/integration/jdbc/schema-postgresql.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String lockTable = script.substring(script.indexOf("CREATE TABLE INT_LOCK"));
		lockTable = lockTable.substring(0, lockTable.indexOf(';'));
		try (CuttableDataSource dataSource = new CuttableDataSource()) {
			new JdbcTemplate(dataSource).execute(lockTable.replace("CREATE TABLE INT_LOCK",
					"CREATE TABLE IF NOT EXISTS IWS_LOCK").replace("INT_LOCK_PK", "IWS_LOCK_PK"));
		}
	}

	private static Replicas replicas(CountingServer server, String... more) {
		List<String> properties = new ArrayList<>(List.of("incore.websocket.clients.feed.url=" + server.url(),
				"incore.websocket.clients.feed.ownership.mode=single-instance",
				"incore.websocket.clients.feed.ownership.role=test-" + UUID.randomUUID(),
				"incore.websocket.clients.feed.close-timeout=1s", "test.lock.ttl=" + TTL_MILLIS));
		properties.addAll(List.of(more));
		return new Replicas(JdbcReplica.class, properties.toArray(String[]::new));
	}

	@Test
	void exactlyOneOfThreeInstancesConnectsAndTwentyFailoversNeverOverlap() throws InterruptedException {
		try (CountingServer server = CountingServer.start(); Replicas replicas = replicas(server)) {
			for (int i = 0; i < 3; i++) {
				replicas.start();
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> replicas.connectedOwner().isPresent());
			assertThat(replicas.instances()).filteredOn((instance) -> Replicas.ownerships(instance).isOwner("feed")
				.orElseThrow()).hasSize(1);
			List<Long> failovers = new ArrayList<>();
			for (int failover = 1; failover <= 20; failover++) {
				ConfigurableApplicationContext owner = replicas.connectedOwner().orElseThrow();
				long stopped = System.nanoTime();
				replicas.stop(owner);
				await().atMost(Duration.ofMillis(2 * TTL_MILLIS + 5000))
					.until(() -> replicas.connectedOwner().isPresent());
				failovers.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));
				assertMessagesFlow(replicas.connectedOwner().orElseThrow(), "after failover " + failover);
				replicas.start();
			}
			assertThat(CountingServer.mostAtOnce).as("connections open at once, ever").hasValue(1);
			System.out.println("JDBC failover times (ms), stop of the owner to the next one open: "
					+ failovers.stream().sorted().toList());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
			.map(Thread::getName)
			.noneMatch((name) -> name.startsWith("incore-websocket-leader-")
					|| name.equals("incore-websocket-ownership")));
	}

	@Test
	void anOwnerThatCannotReachTheDatabaseGivesUpBeforeAnotherTakesOver() throws InterruptedException {
		try (CountingServer server = CountingServer.start();
				Replicas replicas = replicas(server, "incore.websocket.clients.feed.ownership.renewal-timeout=1s")) {
			replicas.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> replicas.connectedOwner().isPresent());
			ConfigurableApplicationContext first = replicas.connectedOwner().orElseThrow();
			ConfigurableApplicationContext second = replicas.start();
			assertThat(Replicas.ownerships(second).isOwner("feed")).contains(false);

			CuttableDataSource firstDatabase = first.getBean(CuttableDataSource.class);
			firstDatabase.cut();
			try {
				await().atMost(Duration.ofSeconds(10))
					.until(() -> Replicas.feed(second).getState() == WebSocket.State.Open);
				assertThat(Replicas.feed(first).getState()).isEqualTo(WebSocket.State.Closed);
				assertThat(CountingServer.mostAtOnce).as("the old owner closed before the new one connected").hasValue(1);
				assertMessagesFlow(second, "after the network fault");
			}
			finally {
				firstDatabase.restore();
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Replicas.ownerships(first).isOwner("feed").equals(Optional.of(false)));
			assertThat(Replicas.ownerships(second).isOwner("feed")).contains(true);
			assertThat(replicas.connectedOwner()).contains(second);
			assertThat(CountingServer.mostAtOnce).hasValue(1);
		}
	}

	static void assertMessagesFlow(ConfigurableApplicationContext owner, String message) throws InterruptedException {
		WebSocket feed = Replicas.feed(owner);
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		var listening = feed.textMessageReceived.connect(echoes::add);
		try {
			assertThat(feed.sendTextMessage(message)).isPositive();
			assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo(message);
		}
		finally {
			listening.disconnect();
		}
	}

	/**
	 * One instance: a pool on the test database, a lock registry on it, and the auto-configurations under test.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ IncoreWebSocketAutoConfiguration.class, IncoreWebSocketOwnershipAutoConfiguration.class })
	static class JdbcReplica {

		@Bean(destroyMethod = "close")
		CuttableDataSource dataSource() {
			return new CuttableDataSource();
		}

		@Bean
		JdbcTransactionManager transactionManager(CuttableDataSource dataSource) {
			return new JdbcTransactionManager(dataSource);
		}

		@Bean
		DefaultLockRepository lockRepository(CuttableDataSource dataSource) {
			DefaultLockRepository repository = new DefaultLockRepository(dataSource);
			repository.setPrefix("IWS_");
			return repository;
		}

		@Bean
		JdbcLockRegistry lockRegistry(DefaultLockRepository lockRepository, @Value("${test.lock.ttl}") long ttl) {
			return new JdbcLockRegistry(lockRepository, Duration.ofMillis(ttl));
		}

	}

}
