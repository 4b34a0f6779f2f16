package io.incore.websocket;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects of the opening handshake against real servers: followed to the server they name, bounded, never from
 * {@code wss://} to {@code ws://}.
 */
class RedirectTests {

	private static final TestCertificates LOCALHOST = TestCertificates.generate("localhost", "127.0.0.1");

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private static String movedTo(String location) {
		return "HTTP/1.1 301 Moved Permanently\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
	}

	private SignalRecorder connect(String url, WebSocketOptions options) {
		this.socket = new WebSocket(null, options);
		this.socket.setUrl(url);
		this.socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		return recorder;
	}

	@Test
	void aRedirectIsFollowedToTheServerItNamesAndTheFinalUrlIsVisible() throws IOException {
		try (TestServer server = TestServer.start();
				HeadAnsweringServer moved = new HeadAnsweringServer(movedTo(server.url("/echo")))) {
			SignalRecorder recorder = connect(moved.url(), WebSocketOptions.defaults());
			recorder.awaitSignal("connected");
			assertThat(this.socket.getConnectedUrl()).isEqualTo(server.url("/echo"));
			assertThat(this.socket.getUrl()).isEqualTo(moved.url());
			assertThat(this.socket.getHandshakeStatus()).isEqualTo(101);
		}
	}

	@Test
	void aRedirectToAnHttpUrlIsFollowedAsTheWebSocketUrlItStandsFor() throws IOException {
		try (TestServer server = TestServer.start();
				HeadAnsweringServer moved = new HeadAnsweringServer(movedTo("http://127.0.0.1:" + server.port() + "/echo"))) {
			SignalRecorder recorder = connect(moved.url(), WebSocketOptions.defaults());
			recorder.awaitSignal("connected");
			assertThat(this.socket.getConnectedUrl()).isEqualTo("ws://127.0.0.1:" + server.port() + "/echo");
		}
	}

	@Test
	void aRedirectToAnHttpsUrlIsFollowedOverTls() throws IOException {
		try (TestServer server = TestServer.start();
				TlsProxy tls = new TlsProxy(LOCALHOST.serverContext(), server.port());
				HeadAnsweringServer moved = new HeadAnsweringServer(movedTo("https://localhost:" + tls.port() + "/echo"))) {
			SignalRecorder recorder = connect(moved.url(),
					WebSocketOptions.builder().sslContext(LOCALHOST.trustingClientContext()).build());
			recorder.awaitSignal("connected");
			assertThat(this.socket.getConnectedUrl()).isEqualTo("wss://localhost:" + tls.port() + "/echo");
		}
	}

	@Test
	void aRedirectToAnotherSchemeIsNotFollowed() throws IOException {
		try (HeadAnsweringServer moved = new HeadAnsweringServer(movedTo("ftp://127.0.0.1/files"))) {
			SignalRecorder recorder = connect(moved.url(), WebSocketOptions.defaults());
			recorder.awaitSignal("disconnected");
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
			assertThat(this.socket.getErrorString()).contains("redirected the connection to ftp://127.0.0.1/files")
				.contains("not followed");
		}
	}

	@Test
	void aRedirectLoopEndsAfterTheBoundWithAClearError() throws IOException {
		try (HeadAnsweringServer loop = new HeadAnsweringServer(
				(port) -> movedTo("ws://127.0.0.1:" + port + "/again"), true)) {
			SignalRecorder recorder = connect(loop.url(), WebSocketOptions.builder().maxRedirects(2).build());
			recorder.awaitSignal("disconnected");
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
			assertThat(this.socket.getErrorString()).containsIgnoringCase("redirect");
			assertThat(loop.handshakes()).isBetween(2, 3);
		}
	}

	@Test
	void withoutRedirectsARedirectIsReportedAsTheAnswerItIs() throws IOException {
		try (TestServer server = TestServer.start();
				HeadAnsweringServer moved = new HeadAnsweringServer(movedTo(server.url("/echo")))) {
			SignalRecorder recorder = connect(moved.url(), WebSocketOptions.builder().maxRedirects(0).build());
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getErrorString()).contains("301");
			assertThat(moved.handshakes()).isOne();
		}
	}

	@Test
	void aRedirectFromWssToWsIsNotFollowed() throws IOException {
		try (TestServer server = TestServer.start();
				HeadAnsweringServer moved = new HeadAnsweringServer(movedTo(server.url("/echo")));
				TlsProxy tls = new TlsProxy(LOCALHOST.serverContext(), moved.port())) {
			TestServer.clearHandshakeHeaders();
			SignalRecorder recorder = connect("wss://localhost:" + tls.port() + "/x",
					WebSocketOptions.builder().sslContext(LOCALHOST.trustingClientContext())
						.handshakeTimeout(Duration.ofSeconds(10))
						.build());
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getErrorString()).contains("a redirect that leaves TLS is not followed");
			assertThat(TestServer.pollHandshakeHeaders()).as("the plain server was never asked").isNull();
		}
	}

}
