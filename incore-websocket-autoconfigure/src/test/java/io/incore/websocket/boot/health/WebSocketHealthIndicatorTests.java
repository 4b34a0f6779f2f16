package io.incore.websocket.boot.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.incore.websocket.TestServer;
import io.incore.websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health semantics of one client, against real servers.
 */
class WebSocketHealthIndicatorTests {

	private final WebSocket client = new WebSocket(null);

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void openIsUp() {
		try (TestServer server = TestServer.start()) {
			this.client.setUrl(server.url("/echo?token=s3cr3t"));
			this.client.connectToHost();
			await().until(() -> this.client.getState() == WebSocket.State.Open);
			Health health = new WebSocketHealthIndicator(this.client, true).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", "Open").containsKey("lastConnectedAt");
			assertThat(health.getDetails().get("url").toString()).contains("token=***").doesNotContain("s3cr3t");
		}
	}

	@Test
	void theFirstAttemptStillRunningIsOutOfServiceIfRequired() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.client.setUrl("ws://127.0.0.1:" + silent.getLocalPort() + "/never-answers");
			this.client.connectToHost();
			Health required = new WebSocketHealthIndicator(this.client, true).health();
			assertThat(required.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(required.getDetails()).containsEntry("connection", "connecting");
			assertThat(new WebSocketHealthIndicator(this.client, false).health().getStatus()).isEqualTo(Status.UNKNOWN);
		}
	}

	@Test
	void aClientThatShouldBeConnectedButIsNotIsDownWithTheReason() throws IOException {
		connectToAClosedPort();
		Health health = new WebSocketHealthIndicator(this.client, true).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "IpSocketError");
		assertThat(health.getDetails().get("errorString").toString()).contains("Connection refused");
		assertThat(health.getDetails()).containsEntry("connection", "down").containsEntry("required", true);
		Health optional = new WebSocketHealthIndicator(this.client, false).health();
		assertThat(optional.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(optional.getDetails()).containsEntry("connection", "down").containsEntry("required", false);
	}

	@Test
	void aClientThatGaveUpIsDownAndSaysWhy() {
		try (TestServer server = TestServer.start()) {
			this.client.setUrl(server.url("/echo"));
			this.client.connectToHost();
			await().until(() -> this.client.getState() == WebSocket.State.Open);
			this.client.sendTextMessage("close:1008:banned");
			await().until(() -> this.client.getGaveUpReason().isPresent());
			Health health = new WebSocketHealthIndicator(this.client, true).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("gaveUp").toString()).contains("1008 policy violation");
		}
	}

	@Test
	void aClientClosedOnPurposeIsUp() {
		this.client.setUrl("ws://127.0.0.1:1/x");
		Health neverAsked = new WebSocketHealthIndicator(this.client, true).health();
		assertThat(neverAsked.getStatus()).isEqualTo(Status.UP);
		assertThat(neverAsked.getDetails()).containsEntry("connection", "closed-on-purpose");
		this.client.connectToHost();
		this.client.disconnectFromHost();
		assertThat(new WebSocketHealthIndicator(this.client, true).health().getStatus()).isEqualTo(Status.UP);
	}

	/**
	 * Boot's own aggregation and HTTP mapping over clients that are all closed on purpose, or all optional and
	 * down: the statuses are ones Boot ranks, so the composite is not {@code UNKNOWN} for want of an order.
	 */
	@Test
	void bootsAggregationRanksEveryStatusOfAClient() throws IOException {
		SimpleStatusAggregator aggregator = new SimpleStatusAggregator();
		SimpleHttpCodeStatusMapper http = new SimpleHttpCodeStatusMapper();
		this.client.setUrl("ws://127.0.0.1:1/x");
		WebSocket other = new WebSocket(null);
		try {
			other.setUrl("ws://127.0.0.1:1/y");
			Status allClosedOnPurpose = aggregator.getAggregateStatus(
					new WebSocketHealthIndicator(this.client, true).health().getStatus(),
					new WebSocketHealthIndicator(other, false).health().getStatus());
			assertThat(allClosedOnPurpose).isEqualTo(Status.UP);
			assertThat(http.getStatusCode(allClosedOnPurpose)).isEqualTo(200);

			connectToAClosedPort();
			Status requiredDown = aggregator.getAggregateStatus(
					new WebSocketHealthIndicator(this.client, true).health().getStatus(),
					new WebSocketHealthIndicator(other, false).health().getStatus());
			assertThat(requiredDown).isEqualTo(Status.DOWN);
			assertThat(http.getStatusCode(requiredDown)).isEqualTo(503);
			Status optionalDown = aggregator.getAggregateStatus(
					new WebSocketHealthIndicator(this.client, false).health().getStatus(),
					new WebSocketHealthIndicator(other, true).health().getStatus());
			assertThat(optionalDown).isEqualTo(Status.UP);
		}
		finally {
			other.close();
		}
	}

	private void connectToAClosedPort() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		this.client.setUrl("ws://127.0.0.1:" + port + "/gone");
		this.client.connectToHost();
		await().until(() -> this.client.getError() == WebSocket.Error.IpSocketError);
	}

}
