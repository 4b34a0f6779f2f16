package io.incore.websocket.boot.springws;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.Compression;
import io.incore.websocket.TestCertificates;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.boot.stomp.server.StompServerApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketConnectionManager;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Spring's own client abstractions, unchanged, on {@link IncoreWebSocketClient}, against a Spring server over
 * ws:// and wss:// (a certificate generated for the run): {@code WebSocketConnectionManager} with a handler, and
 * {@code WebSocketStompClient} with the simple broker.
 */
class IncoreWebSocketClientTests {

	private static final TestCertificates CERTIFICATE = TestCertificates.generate("localhost", "127.0.0.1");

	private static ConfigurableApplicationContext plain;

	private static ConfigurableApplicationContext tls;

	@BeforeAll
	static void startServers() throws IOException {
		plain = StompServerApplication.start(0);
		Path directory = Files.createTempDirectory("incore-websocket-stomp-tls");
		Path certificate = CERTIFICATE.writePem(directory);
		tls = StompServerApplication.start(0, "server.ssl.bundle=server",
				"spring.ssl.bundle.pem.server.keystore.certificate=file:" + certificate,
				"spring.ssl.bundle.pem.server.keystore.private-key=file:" + directory.resolve("private-key.pem"));
	}

	@AfterAll
	static void stopServers() {
		plain.close();
		tls.close();
	}

	private static String url(String scheme, String path) {
		ConfigurableApplicationContext server = scheme.equals("wss") ? tls : plain;
		return scheme + "://localhost:" + server.getEnvironment().getProperty("local.server.port") + path;
	}

	private static IncoreWebSocketClient client() {
		return new IncoreWebSocketClient(WebSocketOptions.builder().sslContext(CERTIFICATE.trustingClientContext())
			.build());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "wss" })
	void aConnectionManagerDrivesAHandlerThroughEveryCallback(String scheme) throws Exception {
		RecordingHandler handler = new RecordingHandler();
		WebSocketConnectionManager manager = new WebSocketConnectionManager(client(), handler, url(scheme, "/echo"));
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("X-Probe", "42");
		manager.setHeaders(headers);
		manager.start();
		WebSocketSession session = handler.established.poll(10, TimeUnit.SECONDS);
		assertThat(session).isNotNull();
		assertThat(session.isOpen()).isTrue();
		assertThat(session.getHandshakeHeaders().getFirst("X-Probe")).isEqualTo("42");
		assertThat(session.getUri().toString()).isEqualTo(url(scheme, "/echo"));
		session.getAttributes().put("seen", true);

		session.sendMessage(new TextMessage("hello"));
		assertThat(handler.messages.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
		session.sendMessage(new PingMessage(ByteBuffer.wrap(new byte[] { 7, 8 })));
		assertThat(handler.messages.poll(10, TimeUnit.SECONDS)).isEqualTo("pong:2");

		session.sendMessage(new TextMessage("close:4001:bye"));
		CloseStatus closed = handler.closed.poll(10, TimeUnit.SECONDS);
		assertThat(closed).isEqualTo(new CloseStatus(4001, "bye"));
		assertThat(session.isOpen()).isFalse();
		assertThat(session.getAttributes()).containsEntry("seen", true);
		manager.stop();
	}

	@Test
	void theSessionShowsTheAcceptedSubprotocolAndExtensionsAndEnforcesItsSizeLimit() throws Exception {
		RecordingHandler handler = new RecordingHandler();
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.setSecWebSocketProtocol(List.of("v12.stomp", "v11.stomp"));
		WebSocketSession stomp = client().execute(handler, headers, URI.create(url("ws", "/stomp")))
			.get(10, TimeUnit.SECONDS);
		assertThat(stomp.getAcceptedProtocol()).isEqualTo("v12.stomp");
		assertThat(stomp.getExtensions()).as("Tomcat agrees to permessage-deflate")
			.containsExactly(new WebSocketExtension("permessage-deflate"));
		stomp.close();
		assertThat(handler.closed.poll(10, TimeUnit.SECONDS)).isEqualTo(CloseStatus.NORMAL);

		WebSocketSession echo = client().execute(handler, url("ws", "/echo")).get(10, TimeUnit.SECONDS);
		echo.setTextMessageSizeLimit(3);
		echo.sendMessage(new TextMessage("hi!"));
		assertThat(handler.messages.poll(10, TimeUnit.SECONDS)).isEqualTo("hi!");
		echo.sendMessage(new TextMessage("four"));
		assertThat(handler.closed.poll(10, TimeUnit.SECONDS).getCode()).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
		assertThat(handler.messages).as("the message over the limit never reached the handler").isEmpty();
	}

	@Test
	void permessageDeflateMayBeAskedForAndAnyOtherExtensionIsRefused() throws Exception {
		RecordingHandler handler = new RecordingHandler();
		WebSocketHttpHeaders deflate = new WebSocketHttpHeaders();
		deflate.setSecWebSocketExtensions(List.of(new WebSocketExtension("permessage-deflate")));
		WebSocketSession session = client().execute(handler, deflate, URI.create(url("ws", "/echo")))
			.get(10, TimeUnit.SECONDS);
		assertThat(session.getExtensions()).containsExactly(new WebSocketExtension("permessage-deflate"));
		session.close();

		WebSocketHttpHeaders other = new WebSocketHttpHeaders();
		other.setSecWebSocketExtensions(List.of(new WebSocketExtension("x-webkit-deflate-frame")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> client().execute(handler, other, URI.create(url("ws", "/echo"))))
			.withMessage("This client cannot offer the extensions [x-webkit-deflate-frame]: it offers only "
					+ "permessage-deflate, with the parameters of its compression settings");
		IncoreWebSocketClient uncompressed = new IncoreWebSocketClient(
				WebSocketOptions.builder().compression(Compression.OFF).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> uncompressed.execute(handler, deflate, URI.create(url("ws", "/echo"))))
			.withMessageContaining("it offers none, since compression is off");
	}

	@Test
	void aConnectionThatCannotBeMadeFailsTheFutureWithTheReason() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		var future = client().execute(new RecordingHandler(), "ws://127.0.0.1:" + port + "/echo?token=s3cr3t");
		assertThat(future).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("Connection refused")
			.withMessageNotContaining("s3cr3t");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "wss" })
	void theStompClientTalksToASimpleBroker(String scheme) throws Exception {
		WebSocketStompClient stompClient = new WebSocketStompClient(client());
		stompClient.setMessageConverter(new StringMessageConverter());
		StompSession session = stompClient.connectAsync(url(scheme, "/stomp"), new StompSessionHandlerAdapter() {
		}).get(10, TimeUnit.SECONDS);
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		session.subscribe("/topic/echo", new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				echoes.add((String) payload);
			}

		});
		await().untilAsserted(() -> {
			session.send("/app/echo", "over " + scheme);
			assertThat(echoes.poll(200, TimeUnit.MILLISECONDS)).isEqualTo("over " + scheme);
		});
		session.disconnect();
		await().until(() -> !session.isConnected());
	}

	/**
	 * Records what the handler is told: the session when established, texts and pong sizes, the close status.
	 */
	private static final class RecordingHandler extends AbstractWebSocketHandler {

		final BlockingQueue<WebSocketSession> established = new LinkedBlockingQueue<>();

		final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		final BlockingQueue<CloseStatus> closed = new LinkedBlockingQueue<>();

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.established.add(session);
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			this.messages.add(message.getPayload());
		}

		@Override
		protected void handlePongMessage(WebSocketSession session, PongMessage message) {
			this.messages.add("pong:" + message.getPayloadLength());
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			this.closed.add(status);
		}

		@Override
		public boolean supportsPartialMessages() {
			return false;
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			this.messages.add("error:" + exception.getMessage());
		}

	}

}
