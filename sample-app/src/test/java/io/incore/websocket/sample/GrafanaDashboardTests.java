package io.incore.websocket.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard in {@code grafana/} against the sample application's Prometheus scrape: every meter and
 * every label its queries use exists. One client is disconnected and sent to, so that the meters that appear only
 * after a first disconnect or error are there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.feed.interval=100ms", "spring.application.name=grafana-dashboard-test" })
@DirtiesContext
class GrafanaDashboardTests {

	private static final Path DASHBOARD = Path.of("..", "grafana", "incore-websocket-dashboard.json");

	private static final Pattern METER = Pattern.compile("incore_websocket_[a-z_]+");

	private static final Pattern GROUPING = Pattern.compile("by \\(([a-z_, ]+)\\)");

	@LocalServerPort
	private int port;

	@Autowired
	private WebSocketClients clients;

	@Test
	void everyMeterAndLabelTheDashboardQueriesIsInTheScrape() throws IOException {
		await().until(() -> this.clients.asMap().values().stream()
			.allMatch((client) -> client.getState() == WebSocket.State.Open));
		WebSocket chat = this.clients.get("chat");
		chat.disconnectFromHost();
		await().until(() -> chat.getState() == WebSocket.State.Closed);
		assertThat(chat.sendTextMessage("not open")).isEqualTo(-1);

		Set<String> meters = new TreeSet<>();
		Set<String> labels = new TreeSet<>();
		for (String query : queries(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)))) {
			METER.matcher(query).results().forEach((meter) -> meters.add(meter.group()));
			Matcher grouping = GROUPING.matcher(query);
			while (grouping.find()) {
				for (String label : grouping.group(1).split(",")) {
					labels.add(label.strip());
				}
			}
		}
		assertThat(meters).contains("incore_websocket_state", "incore_websocket_errors_total",
				"incore_websocket_heartbeat_round_trip_time_seconds_sum", "incore_websocket_inbound_queue_depth");
		await().untilAsserted(() -> {
			String scrape = RestClient.create("http://127.0.0.1:" + this.port)
				.get()
				.uri("/actuator/prometheus")
				.retrieve()
				.body(String.class);
			Set<String> scraped = new TreeSet<>();
			scrape.lines().filter((line) -> !line.startsWith("#"))
				.forEach((line) -> scraped.add(line.split("[{ ]", 2)[0]));
			assertThat(scraped).containsAll(meters);
			for (String label : labels) {
				assertThat(scrape).as("label %s", label).contains(label + "=\"");
			}
		});
	}

	private static Set<String> queries(JsonNode dashboard) {
		Set<String> queries = new TreeSet<>();
		dashboard.findValues("expr").forEach((expr) -> queries.add(expr.asString()));
		assertThat(queries).as("queries in %s", DASHBOARD).hasSizeGreaterThan(10);
		return queries;
	}

}
