package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incore.websocket.boot.InvalidWebSocketClientPropertyException;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.ownership.ClientOwnerships;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Auto-configuration of single-instance ownership: one leader election per role of the clients configured with
 * {@code ownership.mode: single-instance}, on the application's {@link LockRegistry} (or the one named by
 * {@code ownership.lock-registry}). Spring Integration is an optional dependency.
 */
@AutoConfiguration(after = IncoreWebSocketAutoConfiguration.class)
@ConditionalOnClass(LockRegistryLeaderInitiator.class)
@ConditionalOnBean(WebSocketClients.class)
public final class IncoreWebSocketOwnershipAutoConfiguration {

	private static final Duration DEFAULT_RENEWAL_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	ClientOwnerships clientOwnerships(WebSocketClients clients, IncoreWebSocketProperties properties,
			ListableBeanFactory beanFactory, ApplicationEventPublisher publisher) {
		Map<String, ClientOwnerships.Role> roles = new LinkedHashMap<>();
		properties.getClients().forEach((name, own) -> {
			MergedClientSettings settings = new MergedClientSettings(name, own, properties.getDefaults());
			if (clients.contains(name)
					&& WebSocketClientFactory.singleInstance(settings, LockRegistryLeaderInitiator.class.getClassLoader())) {
				String role = settings.get((s) -> s.getOwnership().getRole(), WebSocketClientFactory.PREFIX + "." + name);
				ClientOwnerships.Role shared = roles.computeIfAbsent(role, (key) -> new ClientOwnerships.Role(key,
						new LinkedHashMap<>(), lockRegistry(settings, beanFactory), renewalTimeout(settings), publisher));
				shared.clients().put(name, new ClientOwnerships.OwnedClient(clients.get(name),
						settings.get(WebSocketClientSettings::getAutoOpen, false)));
			}
		});
		return new ClientOwnerships(List.copyOf(roles.values()));
	}

	/**
	 * The renewal timeout of a role: that of its first client.
	 */
	private static Duration renewalTimeout(MergedClientSettings settings) {
		Duration renewalTimeout = settings.get((s) -> s.getOwnership().getRenewalTimeout(), DEFAULT_RENEWAL_TIMEOUT);
		if (renewalTimeout.isNegative() || renewalTimeout.isZero()) {
			String path = settings.path("ownership.renewal-timeout");
			throw new InvalidWebSocketClientPropertyException(path, MergedClientSettings.readable(renewalTimeout),
					"the duration must be positive", "Set " + path + " to a duration below the lock's time-to-live, e.g. 5s");
		}
		return renewalTimeout;
	}

	private static LockRegistry<?> lockRegistry(MergedClientSettings settings, ListableBeanFactory beanFactory) {
		String name = settings.get((s) -> s.getOwnership().getLockRegistry(), null);
		Map<String, LockRegistry> registries = beanFactory.getBeansOfType(LockRegistry.class);
		if (name != null) {
			LockRegistry<?> named = registries.get(name);
			if (named == null) {
				String path = settings.path("ownership.lock-registry");
				throw new InvalidWebSocketClientPropertyException(path, name, "there is no LockRegistry bean of that name",
						"Set " + path + " to one of " + registries.keySet() + ", or define a LockRegistry bean named '"
								+ name + "'");
			}
			return named;
		}
		if (registries.size() != 1) {
			String path = settings.path("ownership.mode");
			String problem = registries.isEmpty() ? "single-instance needs a LockRegistry bean, and there is none"
					: "there are several LockRegistry beans " + registries.keySet();
			throw new InvalidWebSocketClientPropertyException(path, "single-instance", problem, registries.isEmpty()
					? "Define a shared LockRegistry bean, e.g. new JdbcLockRegistry(new DefaultLockRepository(dataSource)) "
							+ "with spring-integration-jdbc, or a RedisLockRegistry with spring-integration-redis"
					: "Set " + settings.path("ownership.lock-registry") + " to the name of the one to use");
		}
		return registries.values().iterator().next();
	}

}
