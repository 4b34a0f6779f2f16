package io.incore.websocket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wss://} against a real TLS server with certificates generated for the run: trust, host-name
 * verification and how TLS failures are reported.
 */
class TlsTests {

	private static final TestCertificates LOCALHOST = TestCertificates.generate("localhost", "127.0.0.1");

	private static final TestCertificates OTHER_HOST = TestCertificates.generate("other.example", "192.0.2.1");

	private static TestServer server;

	private static TlsProxy localhostProxy;

	private static TlsProxy otherHostProxy;

	private WebSocket socket;

	@BeforeAll
	static void startServers() throws Exception {
		server = TestServer.start();
		localhostProxy = new TlsProxy(LOCALHOST.serverContext(), server.port());
		otherHostProxy = new TlsProxy(OTHER_HOST.serverContext(), server.port());
	}

	@AfterAll
	static void stopServers() throws Exception {
		localhostProxy.close();
		otherHostProxy.close();
		server.close();
	}

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private SignalRecorder connect(WebSocketOptions options, TlsProxy proxy) {
		this.socket = new WebSocket(null, options);
		this.socket.setUrl("wss://localhost:" + proxy.port() + "/echo");
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		return recorder;
	}

	@Test
	void anUntrustedCertificateReportsSslErrorWithTheReasonAndIsRetried() {
		ReconnectPolicy fast = new ReconnectPolicy(Duration.ofMillis(100), 1.0, Duration.ofMillis(100), 0, 0,
				Duration.ofSeconds(30));
		SignalRecorder recorder = connect(WebSocketOptions.builder().reconnect(fast).build(), localhostProxy);
		recorder.awaitCount("errorOccurred", 2);
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.SslError);
		assertThat(recorder.argumentsOf("sslErrorOccurred")).first()
			.asString()
			.containsIgnoringCase("certification path");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).first().isEqualTo(IpSocketError.SslHandshakeFailedError);
		assertThat(recorder.names()).containsSubsequence("sslErrorOccurred", "ipSocketErrorOccurred", "errorOccurred",
				"stateChanged", "disconnected", "stateChanged", "sslErrorOccurred");
	}

	@Test
	void aTrustedCertificateCarriesMessages() throws InterruptedException {
		SignalRecorder recorder = connect(
				WebSocketOptions.builder().sslContext(LOCALHOST.trustingClientContext()).build(), localhostProxy);
		recorder.awaitSignal("connected");
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		this.socket.textMessageReceived.connect(echoes::add);
		this.socket.sendTextMessage("over TLS");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("over TLS");
	}

	@Test
	void aCertificateForAnotherHostIsRejected() {
		SignalRecorder recorder = connect(
				WebSocketOptions.builder().sslContext(OTHER_HOST.trustingClientContext()).build(), otherHostProxy);
		recorder.awaitSignal("disconnected");
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.SslError);
		assertThat(recorder.names()).doesNotContain("connected");
	}

	@Test
	void aServerThatDoesNotSpeakTlsIsAnSslErrorThatSaysSoInFewWords() throws Exception {
		try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread server = new Thread(TestServer.THREADS, () -> {
				try (Socket client = plain.accept()) {
					client.getInputStream().read(new byte[4096]);
					client.getOutputStream()
						.write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 2000\r\n\r\n" + "x".repeat(2000))
							.getBytes(StandardCharsets.US_ASCII));
					client.getInputStream().transferTo(OutputStream.nullOutputStream());
				}
				catch (IOException ex) {
					// The client went away.
				}
			}, TestServer.SERVER_THREAD_PREFIX + "plain");
			server.setDaemon(true);
			server.start();
			this.socket = new WebSocket(null, WebSocketOptions.builder().handshakeTimeout(Duration.ofMinutes(1)).build());
			this.socket.setUrl("wss://localhost:" + plain.getLocalPort() + "/echo");
			this.socket.setAutoConnect(false);
			SignalRecorder recorder = new SignalRecorder(this.socket);
			this.socket.connectToHost();
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.SslError);
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SslHandshakeFailedError);
			assertThat(recorder.argumentsOf("sslErrorOccurred")).singleElement().asString().contains("is not TLS");
			assertThat(this.socket.getErrorString()).contains("is not TLS").hasSizeLessThan(200);
		}
	}

	@Test
	void aCertificateForAnotherHostIsAcceptedOnlyWhenVerificationIsTurnedOff() {
		SignalRecorder recorder = connect(WebSocketOptions.builder()
			.sslContext(OTHER_HOST.trustingClientContext())
			.verifyHostname(false)
			.build(), otherHostProxy);
		recorder.awaitSignal("connected");
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.NoError);
	}

}
