package io.incore.websocket;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections through an HTTP proxy with {@code CONNECT}, over real sockets: {@code ws://} and {@code wss://}, with
 * and without basic authentication, the proxy of the options or the JVM's {@link ProxySelector}, and every way a
 * proxy can refuse.
 */
class ProxyTests {

	private static final TestCertificates LOCALHOST = TestCertificates.generate("localhost", "127.0.0.1");

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private SignalRecorder start(WebSocketOptions options, String url) {
		this.socket = new WebSocket(null, options);
		this.socket.setUrl(url);
		this.socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		return recorder;
	}

	private void assertEchoes() throws InterruptedException {
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		this.socket.textMessageReceived.connect(echoes::add);
		this.socket.sendTextMessage("through the tunnel");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("through the tunnel");
	}

	@Test
	void wsGoesThroughTheProxyOfTheOptions() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.open()) {
			String url = server.url("/echo");
			start(WebSocketOptions.builder().proxy(HttpProxy.of("127.0.0.1", proxy.port())).build(), url)
				.awaitSignal("connected");
			assertEchoes();
			assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + URI.create(url).getPort());
		}
	}

	@Test
	void wssGoesThroughAProxyThatAsksForBasicAuthentication() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.withCredentials("alice", "s3cret");
				TlsProxy tls = new TlsProxy(LOCALHOST.serverContext(), URI.create(server.url("/")).getPort())) {
			start(WebSocketOptions.builder()
				.sslContext(LOCALHOST.trustingClientContext())
				.proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("alice", "s3cret"))
				.build(), "wss://localhost:" + tls.port() + "/echo").awaitSignal("connected");
			assertEchoes();
			assertThat(proxy.tunnels()).containsExactly("localhost:" + tls.port());
		}
	}

	@Test
	void refusedCredentialsAreProxyAuthenticationRequiredAndThePasswordIsNeverShown() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.withCredentials("alice", "s3cret")) {
			WebSocketOptions options = WebSocketOptions.builder()
				.proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials("alice", "wrong-password"))
				.build();
			SignalRecorder recorder = start(options, server.url("/echo"));
			recorder.awaitSignal("errorOccurred");
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
				.containsExactly(IpSocketError.ProxyAuthenticationRequiredError);
			assertThat(this.socket.getErrorString()).contains("407").contains("127.0.0.1:" + proxy.port())
				.doesNotContain("wrong-password");
			assertThat(options.toString()).doesNotContain("wrong-password");
			assertThat(proxy.tunnels()).isEmpty();
		}
	}

	@Test
	void aProxyThatRefusesTheTunnelIsProxyConnectionRefused() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.refusing()) {
			SignalRecorder recorder = start(
					WebSocketOptions.builder().proxy(HttpProxy.of("127.0.0.1", proxy.port())).build(),
					server.url("/echo"));
			recorder.awaitSignal("errorOccurred");
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
				.containsExactly(IpSocketError.ProxyConnectionRefusedError);
			assertThat(this.socket.getErrorString()).contains("403");
		}
	}

	@Test
	void aProxyThatCannotBeReachedIsProxyConnectionRefused() throws IOException {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			closedPort = probe.getLocalPort();
		}
		SignalRecorder recorder = start(
				WebSocketOptions.builder().proxy(HttpProxy.of("127.0.0.1", closedPort)).build(), server.url("/echo"));
		recorder.awaitSignal("errorOccurred");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
			.containsExactly(IpSocketError.ProxyConnectionRefusedError);
		assertThat(this.socket.getErrorString()).contains("could not be reached");
	}

	/**
	 * A proxy that misbehaves before the tunnel is open (hangs up, never answers, answers what is not HTTP or a head
	 * without end) is reported as the proxy's failure with the error that says which, never as the server's; a proxy
	 * that does not answer is the proxy's timeout even though the handshake's time ran out meanwhile.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("misbehavingProxies")
	void aProxyThatMisbehavesBeforeTheTunnelIsReportedAsTheProxys(String behaviour, String answer, boolean hangUp,
			IpSocketError expected, String said) throws Exception {
		try (HeadAnsweringServer proxy = new HeadAnsweringServer((port) -> answer, hangUp)) {
			SignalRecorder recorder = start(WebSocketOptions.builder()
				.proxy(HttpProxy.of("127.0.0.1", proxy.port()))
				.handshakeTimeout(Duration.ofSeconds(2))
				.build(), server.url("/echo"));
			recorder.awaitSignal("disconnected");
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(expected);
			assertThat(this.socket.getErrorString()).contains("The proxy 127.0.0.1:" + proxy.port()).contains(said);
		}
	}

	static Stream<Arguments> misbehavingProxies() {
		return Stream.of(
				Arguments.of("hangs up", null, true, IpSocketError.ProxyConnectionClosedError, "closed the connection"),
				Arguments.of("never answers", null, false, IpSocketError.ProxyConnectionTimeoutError, "in time"),
				Arguments.of("greets as SSH", "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", false,
						IpSocketError.ProxyProtocolError, "not understood"),
				Arguments.of("answers with a status outside HTTP's",
						"HTTP/1.1 600 Custom\r\nContent-Length: 0\r\n\r\n", false, IpSocketError.ProxyProtocolError,
						"not understood: status 600"),
				Arguments.of("answers a head longer than 8 KiB with no end",
						"HTTP/1.1 200 Connection established\r\n" + "X-Filler: abcdefghijklmnopqrstuvwxyz\r\n".repeat(500),
						false, IpSocketError.ProxyProtocolError, "not understood: HTTP header is larger than"),
				Arguments.of("answers a line that is no header",
						"HTTP/1.1 200 Connection established\r\nNoColonHere\r\n\r\n", false,
						IpSocketError.ProxyProtocolError, "not understood: No colon found"));
	}

	@Test
	void aHostInNonProxyHostsIsReachedDirectly() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.open()) {
			start(WebSocketOptions.builder()
				.proxy(HttpProxy.of("127.0.0.1", proxy.port()).withNonProxyHosts(List.of("localhost", "127.*")))
				.build(), server.url("/echo")).awaitSignal("connected");
			assertEchoes();
			assertThat(proxy.tunnels()).isEmpty();
		}
	}

	@Test
	void withoutAProxyInTheOptionsTheJvmsProxySelectorIsFollowed() throws Exception {
		ProxySelector jvmSelector = ProxySelector.getDefault();
		try (ConnectProxy proxy = ConnectProxy.open()) {
			List<URI> asked = new CopyOnWriteArrayList<>();
			ProxySelector.setDefault(jvmProxy(proxy.port(), asked));
			start(WebSocketOptions.defaults(), server.url("/echo")).awaitSignal("connected");
			assertEchoes();
			assertThat(proxy.tunnels()).hasSize(1);
			assertThat(asked).first().extracting(URI::getScheme).isEqualTo("http");
		}
		finally {
			ProxySelector.setDefault(jvmSelector);
		}
	}

	@Test
	void aProxyOfTheJvmGetsItsCredentialsFromTheJvmsAuthenticator() throws Exception {
		ProxySelector jvmSelector = ProxySelector.getDefault();
		Authenticator jvmAuthenticator = Authenticator.getDefault();
		try (ConnectProxy proxy = ConnectProxy.withCredentials("alice", "s3cret")) {
			ProxySelector.setDefault(jvmProxy(proxy.port(), new CopyOnWriteArrayList<>()));
			SignalRecorder refused = start(WebSocketOptions.defaults(), server.url("/echo"));
			refused.awaitSignal("errorOccurred");
			assertThat(refused.argumentsOf("ipSocketErrorOccurred"))
				.as("control: without an authenticator the proxy asks for credentials")
				.containsExactly(IpSocketError.ProxyAuthenticationRequiredError);
			this.socket.close();
			List<String> requests = new CopyOnWriteArrayList<>();
			Authenticator.setDefault(new Authenticator() {

				@Override
				protected PasswordAuthentication getPasswordAuthentication() {
					requests.add(getRequestorType() + " " + getRequestingHost() + ":" + getRequestingPort());
					return (getRequestorType() == RequestorType.PROXY)
							? new PasswordAuthentication("alice", "s3cret".toCharArray()) : null;
				}

			});
			start(WebSocketOptions.defaults(), server.url("/echo")).awaitSignal("connected");
			assertEchoes();
			assertThat(proxy.tunnels()).hasSize(1);
			assertThat(requests).containsExactly("PROXY 127.0.0.1:" + proxy.port());
		}
		finally {
			ProxySelector.setDefault(jvmSelector);
			Authenticator.setDefault(jvmAuthenticator);
		}
	}

	/**
	 * A proxy selector that names one HTTP proxy on 127.0.0.1 for every URI, recording what it was asked.
	 */
	private static ProxySelector jvmProxy(int port, List<URI> asked) {
		return new ProxySelector() {

			@Override
			public List<Proxy> select(URI uri) {
				asked.add(uri);
				return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)));
			}

			@Override
			public void connectFailed(URI uri, SocketAddress address, IOException failure) {
			}

		};
	}

}
