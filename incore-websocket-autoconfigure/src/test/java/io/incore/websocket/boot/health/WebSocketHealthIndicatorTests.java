package io.incore.websocket.boot.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.incore.websocket.TestServer;
import io.incore.websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
	void theFirstAttemptStillRunningIsUnknown() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.client.setUrl("ws://127.0.0.1:" + silent.getLocalPort() + "/never-answers");
			this.client.connectToHost();
			assertThat(new WebSocketHealthIndicator(this.client, true).health().getStatus()).isEqualTo(Status.UNKNOWN);
		}
	}

	@Test
	void aClientThatShouldBeConnectedButIsNotIsDownWithTheReason() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		this.client.setUrl("ws://127.0.0.1:" + port + "/gone");
		this.client.connectToHost();
		await().until(() -> this.client.getError() == WebSocket.Error.IpSocketError);
		Health health = new WebSocketHealthIndicator(this.client, true).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "IpSocketError");
		assertThat(health.getDetails().get("errorString").toString()).contains("Connection refused");
		assertThat(new WebSocketHealthIndicator(this.client, false).health().getStatus())
			.isEqualTo(WebSocketHealthIndicator.DEGRADED);
	}

	@Test
	void aClientClosedOnPurposeIsDisconnectedNotDown() {
		this.client.setUrl("ws://127.0.0.1:1/x");
		assertThat(new WebSocketHealthIndicator(this.client, true).health().getStatus())
			.isEqualTo(WebSocketHealthIndicator.DISCONNECTED);
		this.client.connectToHost();
		this.client.disconnectFromHost();
		assertThat(new WebSocketHealthIndicator(this.client, true).health().getStatus())
			.isEqualTo(WebSocketHealthIndicator.DISCONNECTED);
	}

}
