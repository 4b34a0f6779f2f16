package io.incore.websocket.benchmarks;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The Jetty 12 WebSocket client with default settings, for reference; sends are asynchronous.
 */
final class JettyClient implements BenchmarkClient {

	private final WebSocketClient client = new WebSocketClient();

	JettyClient() throws Exception {
		this.client.start();
	}

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		Session session = this.client.connect(new JettyEchoListener(onMessage), URI.create(url)).get();
		return new Connection() {

			@Override
			public void sendText(String message) {
				session.sendText(message, Callback.NOOP);
			}

			@Override
			public void sendBinary(byte[] message) {
				session.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
			}

			@Override
			public void close() {
				session.close();
			}

		};
	}

	@Override
	public void close() throws Exception {
		this.client.stop();
	}

}
