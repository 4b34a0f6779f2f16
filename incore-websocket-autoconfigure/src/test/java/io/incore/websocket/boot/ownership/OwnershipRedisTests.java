package io.incore.websocket.boot.ownership;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketOwnershipAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single-instance ownership on Redis ({@code RedisLockRegistry}): three instances, one connection, twenty
 * failovers without two connections at once.
 */
class OwnershipRedisTests {

	@Test
	void exactlyOneOfThreeInstancesConnectsAndTwentyFailoversNeverOverlap() throws InterruptedException {
		String role = "test-" + UUID.randomUUID();
		try (CountingServer server = CountingServer.start();
				Replicas replicas = new Replicas(RedisReplica.class, "incore.websocket.clients.feed.url=" + server.url(),
						"incore.websocket.clients.feed.ownership.mode=single-instance",
						"incore.websocket.clients.feed.ownership.role=" + role,
						"incore.websocket.clients.feed.close-timeout=1s",
						"incore.websocket.clients.feed.ownership.renewal-timeout=1s")) {
			for (int i = 0; i < 3; i++) {
				replicas.start();
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> replicas.connectedOwner().isPresent());
			List<Long> failovers = new ArrayList<>();
			for (int failover = 1; failover <= 20; failover++) {
				ConfigurableApplicationContext owner = replicas.connectedOwner().orElseThrow();
				long stopped = System.nanoTime();
				replicas.stop(owner);
				await().atMost(Duration.ofSeconds(10)).until(() -> replicas.connectedOwner().isPresent());
				failovers.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));
				OwnershipJdbcTests.assertMessagesFlow(replicas.connectedOwner().orElseThrow(), "after failover " + failover);
				replicas.start();
			}
			assertThat(CountingServer.mostAtOnce).as("connections open at once, ever").hasValue(1);
			System.out.println("Redis failover times (ms), stop of the owner to the next one open: "
					+ failovers.stream().sorted().toList());
		}
	}

	/**
	 * One instance: a connection to the test Redis, a lock registry on it, and the auto-configurations under test.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ IncoreWebSocketAutoConfiguration.class, IncoreWebSocketOwnershipAutoConfiguration.class })
	static class RedisReplica {

		@Bean
		LettuceConnectionFactory redisConnectionFactory() {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		}

		@Bean(destroyMethod = "destroy")
		RedisLockRegistry lockRegistry(LettuceConnectionFactory connectionFactory) {
			return new RedisLockRegistry(connectionFactory, "incore-websocket-test", Duration.ofSeconds(2));
		}

	}

}
