package io.incore.websocket.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.incore.websocket.HandshakeHeadersProvider;
import io.incore.websocket.TestServer;
import io.incore.websocket.boot.event.StateChangedEvent;
import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.autoconfigure.IncoreWebSocketAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link WebSocketClientsLifecycle} against a real server: what a context stop and start does to a
 * client.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebSocketClientsLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class))
		.withPropertyValues("incore.websocket.defaults.reconnect.initial-delay=50ms",
				// The test server answers 404 for a moment while it starts again.
				"incore.websocket.defaults.reconnect.retry-on-http-statuses=404,408,429");

	private TestServer server;

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void anAutoOpenClientStillReconnectsAfterTheContextStoppedAndStartedAgain() {
		this.server = TestServer.start();
		int port = this.server.port();
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=" + this.server.url("/echo"),
					"incore.websocket.clients.feed.auto-open=true")
			.run((context) -> {
				WebSocket feed = context.getBean("feed", WebSocket.class);
				awaitState(feed, WebSocket.State.Open);
				context.stop();
				awaitState(feed, WebSocket.State.Closed);
				context.start();
				awaitState(feed, WebSocket.State.Open);

				this.server.close();
				awaitState(feed, WebSocket.State.Closed);
				this.server = TestServer.start(port);
				awaitState(feed, WebSocket.State.Open);
			});
	}

	@Test
	void waitHoldsTheStartUntilTheClientIsOpen() {
		this.server = TestServer.start();
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=" + this.server.url("/echo"),
					"incore.websocket.clients.feed.startup.mode=wait")
			.run((context) -> assertThat(context.getBean("feed", WebSocket.class).getState())
				.as("open when the context has started")
				.isEqualTo(WebSocket.State.Open));
	}

	@Test
	void waitGoesOnAfterTheTimeoutWithAWarningAndTheClientKeepsTrying(CapturedOutput output) throws IOException {
		this.server = TestServer.start();
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=ws://127.0.0.1:" + freePort() + "/gone?jwt=s3cr3t",
					"incore.websocket.clients.feed.startup.mode=wait",
					"incore.websocket.clients.feed.startup.timeout=300ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WebSocket feed = context.getBean("feed", WebSocket.class);
				assertThat(feed.isConnectionWanted()).isTrue();
				assertThat(output).contains("WebSocket client 'feed'", "is not open after 300 ms", "jwt=***",
						"Connection refused").doesNotContain("s3cr3t");
			});
	}

	@Test
	void failFastFailsTheStartUpNamingClientUrlAndErrorAndLeavesNoThread() throws IOException {
		this.server = TestServer.start();
		int port = freePort();
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=ws://127.0.0.1:" + port + "/gone?token=s3cr3t",
					"incore.websocket.clients.feed.startup.mode=fail-fast")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(WebSocketClientStartupException.class, (failure) -> {
						assertThat(failure.getClientName()).isEqualTo("feed");
						assertThat(failure.getUrl()).isEqualTo("ws://127.0.0.1:" + port + "/gone?token=***");
						assertThat(failure.getError()).contains("Connection refused");
						assertThat(failure.getMessage()).doesNotContain("s3cr3t");
					});
			});
		await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
			.noneMatch((thread) -> thread.getName().startsWith("incore-websocket-netty")));
	}

	@Test
	void failFastStartsWhenTheClientConnectsEvenIfASendWasRefusedMeanwhile() {
		this.server = TestServer.start();
		this.contextRunner.withUserConfiguration(EarlySender.class)
			.withPropertyValues("incore.websocket.clients.feed.url=" + this.server.url("/echo"),
					"incore.websocket.clients.feed.startup.mode=fail-fast")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WebSocket feed = context.getBean("feed", WebSocket.class);
				assertThat(feed.getState()).isEqualTo(WebSocket.State.Open);
				assertThat(context.getBean(EarlySender.class).refused).as("a send refused while connecting").isTrue();
			});
	}

	/**
	 * Sends through the client as soon as it starts connecting, which is refused with {@code NotOpenError}.
	 */
	static class EarlySender {

		volatile boolean refused;

		@EventListener
		void sendEarly(StateChangedEvent event) {
			if (event.webSocket().getState() == WebSocket.State.Connecting) {
				this.refused = event.webSocket().sendTextMessage("too early") == -1;
			}
		}

	}

	@Test
	void aHeadersProviderBeanRotatesTheTokenBetweenTwoConnections() throws InterruptedException {
		this.server = TestServer.start();
		int port = this.server.port();
		AtomicInteger tokens = new AtomicInteger();
		TestServer.clearHandshakeHeaders();
		this.contextRunner
			.withBean("tokens", HandshakeHeadersProvider.class,
					() -> (uri, attempt) -> Map.of("Authorization", "Bearer token-" + tokens.incrementAndGet()))
			.withPropertyValues("incore.websocket.clients.feed.url=" + this.server.url("/echo"),
					"incore.websocket.clients.feed.headers-provider=tokens")
			.run((context) -> {
				WebSocket feed = context.getBean("feed", WebSocket.class);
				awaitState(feed, WebSocket.State.Open);
				assertThat(TestServer.nextHandshakeHeaders().get("Authorization")).containsExactly("Bearer token-1");
				this.server.close();
				awaitState(feed, WebSocket.State.Closed);
				this.server = TestServer.start(port);
				awaitState(feed, WebSocket.State.Open);
				List<String> seen = new ArrayList<>();
				for (Map<String, List<String>> headers = TestServer.nextHandshakeHeaders(); headers != null;
						headers = TestServer.pollHandshakeHeaders()) {
					seen.addAll(headers.get("Authorization"));
				}
				assertThat(seen).last().isNotEqualTo("Bearer token-1");
				assertThat(feed.getOptions().toString()).doesNotContain("token-");
			});
	}

	@Test
	void basicAuthenticationIsSentWithTheHandshakeAndNeverShown() throws InterruptedException {
		this.server = TestServer.start();
		TestServer.clearHandshakeHeaders();
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=" + this.server.url("/echo"),
					"incore.websocket.clients.feed.basic-auth.username=alice",
					"incore.websocket.clients.feed.basic-auth.password=s3cr3t")
			.run((context) -> {
				WebSocket feed = context.getBean("feed", WebSocket.class);
				awaitState(feed, WebSocket.State.Open);
				assertThat(TestServer.nextHandshakeHeaders().get("Authorization"))
					.containsExactly("Basic " + Base64.getEncoder().encodeToString("alice:s3cr3t".getBytes()));
				assertThat(feed.getOptions().toString()).doesNotContain("YWxpY2U6czNjcjN0");
			});
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

	private static void awaitState(WebSocket client, WebSocket.State state) {
		await().atMost(Duration.ofSeconds(10)).until(client::getState, state::equals);
	}

}
