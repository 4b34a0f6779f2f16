package io.incore.websocket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handshake timeout over real sockets, wherever the handshake stalls: a TCP connect that never completes (a
 * listener whose accept queue is full drops the SYN, as a filtered port does) and a server that takes the
 * connection but never answers (neither the TLS handshake nor the upgrade). Either way the attempt ends as
 * {@link IpSocketError#SocketTimeoutError} once the timeout has passed, over {@code ws://} (connected on the connect
 * thread) and {@code wss://} (connected by Netty) alike.
 */
class HandshakeTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private WebSocket socket;

	@AfterEach
	void close() throws Exception {
		if (this.socket != null) {
			this.socket.close();
		}
		synchronized (this.resources) {
			for (AutoCloseable resource : this.resources) {
				resource.close();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "wss" })
	void aTcpConnectThatNeverCompletesTimesOut(String scheme) throws IOException {
		ServerSocket listener = keep(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
		for (int i = 0; i < 2; i++) {
			keep(new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
		}
		assertTimedOut(scheme + "://127.0.0.1:" + listener.getLocalPort() + "/ws");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "wss" })
	void aServerThatNeverAnswersTimesOut(String scheme) throws IOException {
		ServerSocket listener = keep(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		Thread acceptor = new Thread(TestServer.THREADS, () -> {
			try {
				keep(listener.accept());
			}
			catch (IOException ex) {
				// The test is over.
			}
		}, TestServer.SERVER_THREAD_PREFIX + "silent");
		acceptor.setDaemon(true);
		acceptor.start();
		assertTimedOut(scheme + "://127.0.0.1:" + listener.getLocalPort() + "/ws");
	}

	private void assertTimedOut(String url) {
		this.socket = new WebSocket(null, WebSocketOptions.builder().handshakeTimeout(TIMEOUT).build());
		FailedAttempt attempt = FailedAttempt.of(this.socket, url);
		assertThat(attempt.took()).isGreaterThanOrEqualTo(TIMEOUT);
		assertThat(attempt.signals().argumentsOf("ipSocketErrorOccurred"))
			.containsExactly(IpSocketError.SocketTimeoutError);
		assertThat(this.socket.getErrorString()).contains("timed out after 300 ms");
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closed);
		assertThat(attempt.signals().names()).doesNotContain("connected");
	}

	private <T extends AutoCloseable> T keep(T resource) {
		synchronized (this.resources) {
			this.resources.add(resource);
		}
		return resource;
	}

}
