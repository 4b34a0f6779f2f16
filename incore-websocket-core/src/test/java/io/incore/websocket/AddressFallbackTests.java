package io.incore.websocket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A host name with several addresses, some of which refuse: the connection goes to the first that accepts, to the
 * server as to a proxy. The
 * names come from {@code src/test/hosts/hosts}, which this class's test JVM resolves names from; nothing listens on
 * {@code 127.0.0.2} or {@code 127.0.0.3}: the servers are reached through relays on {@code 127.0.0.1} only.
 */
class AddressFallbackTests {

	private static final TestCertificates DUAL = TestCertificates.generate("dual.test", "127.0.0.1");

	private WebSocket socket;

	@BeforeAll
	static void resolvesFromTheTestsHostsFile() {
		// Run by its own surefire execution; an -Dtest=... run also reaches the default one, without the file.
		assumeTrue(System.getProperty("jdk.net.hosts.file") != null, "needs -Djdk.net.hosts.file (see pom.xml)");
	}

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	/**
	 * Connects, and proves the connection carries a message both ways.
	 */
	private void assertConnectsAndEchoes(String url, WebSocketOptions options) throws InterruptedException {
		this.socket = new WebSocket(null, options);
		SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, url);
		assertThat(recorder.names()).doesNotContain("errorOccurred");
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		this.socket.textMessageReceived.connect(echoes::add);
		this.socket.sendTextMessage("through " + url);
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("through " + url);
	}

	/**
	 * Connects and checks that the attempt fails with a timeout when the handshake time is up: not before, and not
	 * a share of it later (a quarter is the margin for a busy machine).
	 */
	private void assertTimesOutAtTheDeadline(String url, Duration handshakeTimeout) {
		this.socket = new WebSocket(null, WebSocketOptions.builder().handshakeTimeout(handshakeTimeout).build());
		FailedAttempt attempt = FailedAttempt.of(this.socket, url);
		assertThat(attempt.signals().argumentsOf("ipSocketErrorOccurred"))
			.containsExactly(IpSocketError.SocketTimeoutError);
		assertThat(attempt.took()).isGreaterThanOrEqualTo(handshakeTimeout)
			.isLessThan(handshakeTimeout.plus(handshakeTimeout.dividedBy(4)));
	}

	@Test
	void aHostWhoseFirstAddressRefusesIsReachedAtTheNext() throws Exception {
		try (TestServer server = TestServer.start(); TlsProxy loopback = TlsProxy.withoutTls(server.port())) {
			assertConnectsAndEchoes("ws://dual.test:" + loopback.port() + "/echo", WebSocketOptions.defaults());
		}
	}

	@Test
	void aTlsHostWhoseFirstAddressRefusesIsReachedAtTheNextAndItsNameVerified() throws Exception {
		try (TestServer server = TestServer.start();
				TlsProxy tls = new TlsProxy(DUAL.serverContext(), server.port())) {
			assertConnectsAndEchoes("wss://dual.test:" + tls.port() + "/echo",
					WebSocketOptions.builder().sslContext(DUAL.trustingClientContext()).build());
		}
	}

	/**
	 * The first address takes a TCP connect that never completes (a listener whose backlog is full): it may take
	 * half of the handshake time, so the second address is tried, and reached, after about half of it. Had the
	 * first address taken all of it, the connection would have taken the whole handshake time at least.
	 */
	@Test
	void aHostWhoseFirstAddressDoesNotAnswerIsReachedAtTheNextWithinItsShareOfTheHandshakeTime() throws Exception {
		Duration handshakeTimeout = Duration.ofSeconds(4);
		try (TestServer server = TestServer.start(); TlsProxy loopback = TlsProxy.withoutTls(server.port());
				ServerSocket silent = new ServerSocket(loopback.port(), 1, InetAddress.getByName("127.0.0.4"));
				Socket first = new Socket(silent.getInetAddress(), silent.getLocalPort());
				Socket second = new Socket(silent.getInetAddress(), silent.getLocalPort())) {
			assertConnectsAndEchoes("ws://slow.test:" + loopback.port() + "/echo",
					WebSocketOptions.builder().handshakeTimeout(handshakeTimeout).build());
			assertThat(this.socket.getStatistics().connectTime()).isGreaterThanOrEqualTo(handshakeTimeout.dividedBy(2))
				.isLessThan(handshakeTimeout);
		}
	}

	/**
	 * Connecting took half of the handshake time (the first address did not answer), and the server at the second
	 * one never answers the upgrade: the handshake fails when its whole time is up, not half a timeout later (Tyrus
	 * starts its own timer only once the connect is made).
	 */
	@Test
	void theTimeAConnectTookIsTakenOffTheUpgrade() throws Exception {
		Duration handshakeTimeout = Duration.ofSeconds(4);
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
				ServerSocket silent = new ServerSocket(mute.getLocalPort(), 1, InetAddress.getByName("127.0.0.4"));
				Socket first = new Socket(silent.getInetAddress(), silent.getLocalPort());
				Socket second = new Socket(silent.getInetAddress(), silent.getLocalPort())) {
			Thread acceptor = new Thread(TestServer.THREADS, () -> {
				try {
					accepted.add(mute.accept());
				}
				catch (IOException ex) {
					// The test is over.
				}
			}, TestServer.SERVER_THREAD_PREFIX + "mute");
			acceptor.setDaemon(true);
			acceptor.start();
			assertTimesOutAtTheDeadline("ws://slow.test:" + mute.getLocalPort() + "/echo", handshakeTimeout);
			assertThat(accepted).as("the second address was connected to").hasSize(1);
		}
		finally {
			accepted.forEach(Relay::closeQuietly);
		}
	}

	/**
	 * The redirects of an attempt share its handshake timeout: reaching the first server takes half of it (its
	 * first address does not answer), that server redirects to one that never answers, and the attempt fails when
	 * the time since the first request is up, not a whole timeout after the redirect.
	 */
	@Test
	void aRedirectTakesFromTheSameHandshakeTimeout() throws Exception {
		Duration handshakeTimeout = Duration.ofSeconds(2);
		try (HeadAnsweringServer silent = new HeadAnsweringServer((port) -> null, false);
				HeadAnsweringServer moved = new HeadAnsweringServer("HTTP/1.1 301 Moved Permanently\r\nLocation: "
						+ "ws://127.0.0.1:" + silent.port() + "/x\r\nContent-Length: 0\r\n\r\n");
				ServerSocket unanswering = new ServerSocket(moved.port(), 1, InetAddress.getByName("127.0.0.4"));
				Socket first = new Socket(unanswering.getInetAddress(), unanswering.getLocalPort());
				Socket second = new Socket(unanswering.getInetAddress(), unanswering.getLocalPort())) {
			assertTimesOutAtTheDeadline("ws://slow.test:" + moved.port() + "/echo", handshakeTimeout);
			assertThat(moved.handshakes()).as("the first server redirected").isOne();
			assertThat(silent.handshakes()).as("the server redirected to was asked").isOne();
		}
	}

	@Test
	void aProxyWhoseFirstAddressRefusesIsReachedAtTheNext() throws Exception {
		try (TestServer server = TestServer.start(); ConnectProxy proxy = ConnectProxy.open()) {
			assertConnectsAndEchoes(server.url("/echo"),
					WebSocketOptions.builder().proxy(HttpProxy.of("dual.test", proxy.port())).build());
			assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + server.port());
		}
	}

	/**
	 * As for a server's addresses: the proxy's first address does not answer and may take half of the handshake
	 * time, so the tunnel goes through its second address after about half of it, not after the whole.
	 */
	@Test
	void aProxyWhoseFirstAddressDoesNotAnswerIsReachedAtTheNextWithinItsShareOfTheHandshakeTime() throws Exception {
		Duration handshakeTimeout = Duration.ofSeconds(4);
		try (TestServer server = TestServer.start(); ConnectProxy proxy = ConnectProxy.open();
				ServerSocket silent = new ServerSocket(proxy.port(), 1, InetAddress.getByName("127.0.0.4"));
				Socket first = new Socket(silent.getInetAddress(), silent.getLocalPort());
				Socket second = new Socket(silent.getInetAddress(), silent.getLocalPort())) {
			assertConnectsAndEchoes(server.url("/echo"), WebSocketOptions.builder()
				.proxy(HttpProxy.of("slow.test", proxy.port()))
				.handshakeTimeout(handshakeTimeout)
				.build());
			assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + server.port());
			assertThat(this.socket.getStatistics().connectTime()).isGreaterThanOrEqualTo(handshakeTimeout.dividedBy(2))
				.isLessThan(handshakeTimeout);
		}
	}

	@Test
	void aProxyWhoseEveryAddressRefusesIsReportedAsTheProxys() throws Exception {
		try (ConnectProxy proxy = ConnectProxy.open()) {
			this.socket = new WebSocket(null,
					WebSocketOptions.builder().proxy(HttpProxy.of("refusing.test", proxy.port())).build());
			SignalRecorder recorder = FailedAttempt.of(this.socket, "ws://127.0.0.1:1/echo").signals();
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
				.containsExactly(IpSocketError.ProxyConnectionRefusedError);
			assertThat(this.socket.getErrorString()).contains("refusing.test:" + proxy.port());
			assertThat(proxy.tunnels()).isEmpty();
		}
	}

	@Test
	void aHostWhoseEveryAddressRefusesIsReportedRefusedOnce() throws IOException {
		try (TestServer server = TestServer.start(); TlsProxy loopback = TlsProxy.withoutTls(server.port())) {
			this.socket = new WebSocket(null, WebSocketOptions.defaults());
			SignalRecorder recorder = FailedAttempt.of(this.socket, "ws://refusing.test:" + loopback.port() + "/echo")
				.signals();
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
				.containsExactly(IpSocketError.ConnectionRefusedError);
			assertThat(this.socket.getErrorString()).contains("Connection refused");
			assertThat(recorder.names()).filteredOn("errorOccurred"::equals).hasSize(1);
		}
	}

}
