package io.incore.websocket.boot.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of one application in this JVM, each its own context with its own lock registry client on the shared
 * infrastructure, all configured with a client {@code feed} that only the owner connects.
 */
final class Replicas implements AutoCloseable {

	private final Class<?> configuration;

	private final String[] properties;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	Replicas(Class<?> configuration, String... properties) {
		this.configuration = configuration;
		this.properties = properties;
	}

	ConfigurableApplicationContext start() {
		ConfigurableApplicationContext instance = new SpringApplicationBuilder(this.configuration)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false")
			.properties(this.properties)
			.run();
		this.instances.add(instance);
		return instance;
	}

	List<ConfigurableApplicationContext> instances() {
		return List.copyOf(this.instances);
	}

	/**
	 * Returns the instance whose {@code feed} is open, if exactly one's is; fails if several are.
	 */
	Optional<ConfigurableApplicationContext> connectedOwner() {
		List<ConfigurableApplicationContext> open = this.instances.stream()
			.filter((instance) -> feed(instance).getState() == WebSocket.State.Open)
			.toList();
		if (open.size() > 1) {
			throw new AssertionError(open.size() + " instances are connected at once");
		}
		return open.stream().findFirst();
	}

	void stop(ConfigurableApplicationContext instance) {
		this.instances.remove(instance);
		instance.close();
	}

	static WebSocket feed(ConfigurableApplicationContext instance) {
		return instance.getBean(WebSocketClients.class).get("feed");
	}

	static ClientOwnerships ownerships(ConfigurableApplicationContext instance) {
		return instance.getBean(ClientOwnerships.class);
	}

	@Override
	public void close() {
		new ArrayList<>(this.instances).forEach(this::stop);
	}

}
