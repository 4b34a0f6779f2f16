package io.incore.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A server on 127.0.0.1 that answers every opening handshake with the same HTTP response (a refusal or a
 * redirect) and hangs up, counting the handshakes.
 */
final class RefusingServer implements AutoCloseable {

	private final ServerSocket listener;

	private final AtomicInteger handshakes = new AtomicInteger();

	RefusingServer(String answer) throws IOException {
		this((port) -> answer);
	}

	/**
	 * Creates a server whose answer may name its own port, e.g. a redirect to itself.
	 */
	RefusingServer(IntFunction<String> answerForPort) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		String answer = answerForPort.apply(this.listener.getLocalPort());
		Thread server = new Thread(TestServer.THREADS, () -> serve(answer), TestServer.SERVER_THREAD_PREFIX + "refusing");
		server.setDaemon(true);
		server.start();
	}

	private void serve(String answer) {
		while (!this.listener.isClosed()) {
			try (Socket client = this.listener.accept()) {
				InputStream in = client.getInputStream();
				int matched = 0;
				while (matched < 4) {
					int b = in.read();
					matched = (b == -1) ? 4 : (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
				}
				this.handshakes.incrementAndGet();
				client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
			}
			catch (IOException ex) {
				// Closed by the test, or the client went away first.
			}
		}
	}

	int port() {
		return this.listener.getLocalPort();
	}

	String url() {
		return "ws://127.0.0.1:" + this.listener.getLocalPort() + "/refused";
	}

	int handshakes() {
		return this.handshakes.get();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

}
