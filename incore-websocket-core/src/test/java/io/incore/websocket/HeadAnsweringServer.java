package io.incore.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A server on 127.0.0.1 that reads each request's head (up to its empty line), answers every one with the same
 * text, if any, and then hangs up, or reads until the client does: the far end of an opening handshake, or of a
 * proxy's {@code CONNECT}, that refuses, redirects or goes wrong on purpose. It serves one connection at a time and
 * counts the heads it read. Its thread belongs to {@link TestServer#THREADS}.
 */
final class HeadAnsweringServer implements AutoCloseable {

	private final ServerSocket listener;

	private final boolean hangUp;

	private final AtomicInteger handshakes = new AtomicInteger();

	/**
	 * Creates a server that answers and hangs up.
	 * @param answer the answer, e.g. a refusal or a redirect
	 */
	HeadAnsweringServer(String answer) throws IOException {
		this((port) -> answer, true);
	}

	/**
	 * Creates a server whose answer may name its own port, e.g. a redirect to itself.
	 * @param answerForPort the answer for the server's port; {@code null} for none
	 * @param hangUp whether to close the connection after the answer, or else to read until the client closes it
	 */
	HeadAnsweringServer(IntFunction<String> answerForPort, boolean hangUp) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.hangUp = hangUp;
		String answer = answerForPort.apply(this.listener.getLocalPort());
		Thread server = new Thread(TestServer.THREADS, () -> serve(answer), TestServer.SERVER_THREAD_PREFIX + "head");
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
				if (answer != null) {
					client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
				}
				if (!this.hangUp) {
					in.transferTo(OutputStream.nullOutputStream());
				}
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
