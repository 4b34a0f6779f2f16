package io.incore.websocket.boot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.IpSocketError;
import io.incore.websocket.TestCertificates;
import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.event.IpSocketErrorOccurredEvent;
import io.incore.websocket.boot.event.SslErrorOccurredEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code wss://} clients against the application's own HTTPS server, whose certificate is generated for the run:
 * a client whose {@code ssl.bundle} trusts it talks, a client without one reports {@code SslError}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.ssl.bundle=server",
				"incore.websocket.clients.trusted.url=wss://localhost:${local.server.port}/echo",
				"incore.websocket.clients.trusted.ssl.bundle=client",
				"incore.websocket.clients.untrusted.url=wss://localhost:${local.server.port}/echo",
				"incore.websocket.clients.untrusted.reconnect.initial-delay=1m",
				"incore.websocket.clients.untrusted.reconnect.max-delay=1m" })
@DirtiesContext
class SslBundleClientsIntegrationTests {

	@Autowired
	private WebSocketClients clients;

	@Autowired
	private EventRecorder events;

	@DynamicPropertySource
	static void sslBundles(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("incore-websocket-tls");
		Path certificate = TestCertificates.generate("localhost", "127.0.0.1").writePem(directory);
		registry.add("spring.ssl.bundle.pem.server.keystore.certificate", () -> "file:" + certificate);
		registry.add("spring.ssl.bundle.pem.server.keystore.private-key",
				() -> "file:" + directory.resolve("private-key.pem"));
		registry.add("spring.ssl.bundle.pem.client.truststore.certificate", () -> "file:" + certificate);
	}

	@Test
	void aClientWithATrustingBundleTalksOverTls() throws InterruptedException {
		WebSocket trusted = this.clients.get("trusted");
		await().until(() -> trusted.getState() == WebSocket.State.Open);
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		trusted.textMessageReceived.connect(echoes::add);
		trusted.sendTextMessage("secure hello");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("secure hello");
	}

	@Test
	void aClientWithoutTheBundleReportsSslError() {
		WebSocket untrusted = this.clients.get("untrusted");
		await().until(() -> untrusted.getError() == WebSocket.Error.SslError);
		await().until(() -> this.events.stream(SslErrorOccurredEvent.class)
			.anyMatch((event) -> event.clientName().equals("untrusted") && !event.errorString().isEmpty()));
		assertThat(this.events.stream(IpSocketErrorOccurredEvent.class)
			.filter((event) -> event.clientName().equals("untrusted"))
			.map(IpSocketErrorOccurredEvent::socketError)).contains(IpSocketError.SslHandshakeFailedError);
		assertThat(untrusted.getState()).isNotEqualTo(WebSocket.State.Open);
	}

}
