package io.incore.websocket;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that ends TCP, with a close (FIN) or a reset (RST), at every phase of a connection, over {@code ws://}
 * and {@code wss://}: the end is reported at once, never after a timeout (the handshake and close timeouts are a
 * minute, the test waits ten seconds), with the error that says what happened: {@code RemoteHostClosedError} for a
 * close and for a reset alike, as Qt reports both, also in the middle of the TLS handshake (the server hung up; no
 * certificate or protocol was refused), and no error for an end while we are closing, which only ends the wait.
 */
class ConnectionEndsTests {

	private static final TestCertificates LOCALHOST = TestCertificates.generate("localhost", "127.0.0.1");

	private static final WebSocketOptions PATIENT = WebSocketOptions.builder()
		.handshakeTimeout(Duration.ofMinutes(1))
		.closeTimeout(Duration.ofMinutes(1))
		.sslContext(LOCALHOST.trustingClientContext())
		.build();

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@ParameterizedTest(name = "{0} {1}, server {2}s")
	@CsvSource({ "wss, TLS handshake, close, RemoteHostClosedError", "wss, TLS handshake, reset, RemoteHostClosedError",
			"ws, upgrade, close, RemoteHostClosedError", "ws, upgrade, reset, RemoteHostClosedError",
			"wss, upgrade, close, RemoteHostClosedError", "wss, upgrade, reset, RemoteHostClosedError",
			"ws, open, close, RemoteHostClosedError", "ws, open, reset, RemoteHostClosedError",
			"wss, open, close, RemoteHostClosedError", "wss, open, reset, RemoteHostClosedError",
			"ws, closing, close, none", "ws, closing, reset, none", "wss, closing, close, none",
			"wss, closing, reset, none" })
	void theEndOfTcpIsReportedAtOnce(String scheme, String phase, String end, String expectedError) throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread server = new Thread(TestServer.THREADS, () -> serve(listener, scheme, phase, end),
					TestServer.SERVER_THREAD_PREFIX + "ends");
			server.setDaemon(true);
			server.start();
			this.socket = new WebSocket(null, PATIENT);
			this.socket.setAutoConnect(false);
			this.socket.setUrl(scheme + "://localhost:" + listener.getLocalPort() + "/ends");
			SignalRecorder recorder = new SignalRecorder(this.socket);
			this.socket.connectToHost();
			if (phase.equals("open")) {
				recorder.awaitSignal("connected");
				this.socket.sendTextMessage("end now");
			}
			if (phase.equals("closing")) {
				recorder.awaitSignal("connected");
				this.socket.disconnectFromHost();
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.socket.getState() == WebSocket.State.Closed && recorder.names().contains(
						phase.equals("open") || phase.equals("closing") ? "disconnected" : "errorOccurred"));
			if (expectedError.equals("none")) {
				assertThat(recorder.names()).doesNotContain("errorOccurred");
			}
			else {
				assertThat(recorder.argumentsOf("ipSocketErrorOccurred"))
					.as(this.socket.getErrorString())
					.containsExactly(IpSocketError.valueOf(expectedError));
			}
			if (phase.equals("open") || phase.equals("closing")) {
				assertThat(this.socket.getCloseCode()).isEqualTo(1006);
			}
		}
	}

	private static void serve(ServerSocket listener, String scheme, String phase, String end) {
		try (Socket tcp = listener.accept()) {
			if (phase.equals("TLS handshake")) {
				tcp.getInputStream().read(new byte[5]);
				end(tcp, end);
				return;
			}
			Socket socket = scheme.equals("wss") ? tls(tcp) : tcp;
			InputStream in = socket.getInputStream();
			String request = RawWebSocketServer.readRequest(in);
			if (!phase.equals("upgrade")) {
				OutputStream out = socket.getOutputStream();
				out.write(RawWebSocketServer.switchingProtocols(request, "").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				if (phase.equals("open")) {
					// A reset right behind the 101 could destroy it unread: end once the client is open and sent.
					RawWebSocketServer.readFrame(new DataInputStream(in));
				}
				if (phase.equals("closing")) {
					RawWebSocketServer.readCloseCode(new DataInputStream(in));
				}
			}
			end(tcp, end);
		}
		catch (IOException ex) {
			// The client went away first.
		}
	}

	/**
	 * Ends the TCP connection under any TLS: a FIN, or a RST (linger 0); either way without {@code close_notify}.
	 */
	private static void end(Socket tcp, String end) throws IOException {
		if (end.equals("reset")) {
			tcp.setSoLinger(true, 0);
		}
		tcp.close();
	}

	private static Socket tls(Socket tcp) throws IOException {
		SSLSocket tls = (SSLSocket) LOCALHOST.serverContext().getSocketFactory().createSocket(tcp, null, false);
		tls.setUseClientMode(false);
		tls.startHandshake();
		return tls;
	}

}
