package io.incore.websocket.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.boot.ClientStartup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import io.incore.websocket.boot.autoconfigure.health.IncoreWebSocketHealthContributorAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every default the configuration metadata documents for {@code incore.websocket.defaults.*} is the value a client
 * gets when nothing is set, which comes from the core: the metadata is the only place the starter repeats a
 * default, and this test keeps it true.
 */
class ConfigurationMetadataDefaultsTests {

	private static final String PREFIX = "incore.websocket.defaults.";

	/** What a client configured with nothing but a URL (and the switches that make a part exist) gets. */
	private static final Map<String, Function<Client, Object>> ACTUAL = new LinkedHashMap<>();

	static {
		ACTUAL.put("auto-connect", (client) -> client.socket().isAutoConnect());
		ACTUAL.put("auto-open", (client) -> client.socket().isAutoOpen());
		ACTUAL.put("handshake-timeout", (client) -> client.options().handshakeTimeout());
		ACTUAL.put("close-timeout", (client) -> client.options().closeTimeout());
		ACTUAL.put("max-redirects", (client) -> client.options().maxRedirects());
		ACTUAL.put("compression.enabled", (client) -> client.options().compression().enabled());
		ACTUAL.put("compression.threshold", (client) -> DataSize.ofBytes(client.options().compression().threshold()));
		ACTUAL.put("compression.client-no-context-takeover",
				(client) -> client.options().compression().clientNoContextTakeover());
		ACTUAL.put("compression.server-no-context-takeover",
				(client) -> client.options().compression().serverNoContextTakeover());
		ACTUAL.put("max-message-size", (client) -> DataSize.ofBytes(client.options().maxMessageSize()));
		ACTUAL.put("read-buffer-capacity", (client) -> DataSize.ofBytes(client.options().readBufferCapacity()));
		ACTUAL.put("inline-delivery", (client) -> client.options().inlineDelivery());
		ACTUAL.put("tcp-no-delay", (client) -> client.options().tcpNoDelay());
		ACTUAL.put("coalesce-sends", (client) -> client.options().coalesceSends());
		ACTUAL.put("reconnect.initial-delay", (client) -> client.options().reconnect().initialDelay());
		ACTUAL.put("reconnect.multiplier", (client) -> client.options().reconnect().multiplier());
		ACTUAL.put("reconnect.max-delay", (client) -> client.options().reconnect().maxDelay());
		ACTUAL.put("reconnect.jitter", (client) -> client.options().reconnect().jitter());
		ACTUAL.put("reconnect.max-attempts", (client) -> client.options().reconnect().maxAttempts());
		ACTUAL.put("reconnect.reset-after", (client) -> client.options().reconnect().resetAfter());
		ACTUAL.put("heartbeat.timeout", (client) -> client.options().heartbeat().timeout());
		ACTUAL.put("heartbeat.max-missed", (client) -> client.options().heartbeat().maxMissed());
		ACTUAL.put("inbound.max-messages", (client) -> client.options().inbound().maxMessages());
		ACTUAL.put("inbound.max-bytes", (client) -> DataSize.ofBytes(client.options().inbound().maxBytes()));
		ACTUAL.put("inbound.policy", (client) -> client.options().inbound().policy());
		ACTUAL.put("send-buffer.overflow", (client) -> client.options().sendBuffer().overflow());
		ACTUAL.put("ssl.verify-hostname", (client) -> client.options().verifyHostname());
		ACTUAL.put("startup.mode", (client) -> client.startup().mode());
		ACTUAL.put("startup.timeout", (client) -> client.startup().timeout());
		ACTUAL.put("health.required", (client) -> client.required());
	}

	@Test
	void everyDocumentedDefaultIsTheDefaultAClientGets() throws IOException {
		Map<String, JsonNode> documented = documentedDefaults();
		assertThat(documented.keySet()).as("defaults in the metadata").containsExactlyInAnyOrderElementsOf(ACTUAL.keySet());
		ConversionService conversion = ApplicationConversionService.getSharedInstance();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class,
					IncoreWebSocketHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class))
			.withPropertyValues("incore.websocket.clients.probe.url=ws://127.0.0.1:9/probe",
					"incore.websocket.clients.probe.heartbeat.interval=1s",
					"incore.websocket.clients.probe.send-buffer.max-messages=1")
			.run((context) -> {
				WebSocket socket = context.getBean("probe", WebSocket.class);
				IncoreWebSocketProperties properties = context.getBean(IncoreWebSocketProperties.class);
				HealthIndicator health = (HealthIndicator) context
					.getBean("incoreWebSocketHealthContributor", CompositeHealthContributor.class)
					.getContributor("probe");
				Client client = new Client(socket, WebSocketClientFactory.startups(properties).get("probe"),
						(Boolean) health.health().getDetails().get("required"));
				documented.forEach((property, value) -> {
					Object actual = ACTUAL.get(property).apply(client);
					Object expected = conversion.convert(value.asString(), actual.getClass());
					assertThat(actual).as(PREFIX + property).isEqualTo(expected);
				});
			});
	}

	private static Map<String, JsonNode> documentedDefaults() throws IOException {
		Map<String, JsonNode> defaults = new LinkedHashMap<>();
		try (InputStream metadata = ConfigurationMetadataDefaultsTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith(PREFIX) && property.has("defaultValue")) {
					defaults.put(name.substring(PREFIX.length()), property.get("defaultValue"));
				}
			}
		}
		return defaults;
	}

	private record Client(WebSocket socket, ClientStartup startup, boolean required) {

		WebSocketOptions options() {
			return this.socket.getOptions();
		}

	}

}
