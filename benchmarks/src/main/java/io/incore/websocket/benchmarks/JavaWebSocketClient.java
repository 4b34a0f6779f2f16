package io.incore.websocket.benchmarks;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Java-WebSocket 1.6 with its defaults (Nagle's algorithm on, a reading and a writing thread per connection), for
 * reference; sends are queued for the connection's writing thread.
 */
final class JavaWebSocketClient implements BenchmarkClient {

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		WebSocketClient socket = new WebSocketClient(URI.create(url)) {

			@Override
			public void onOpen(ServerHandshake handshake) {
			}

			@Override
			public void onMessage(String message) {
				onMessage.accept(message.length());
			}

			@Override
			public void onMessage(ByteBuffer message) {
				onMessage.accept(message.remaining());
			}

			@Override
			public void onClose(int code, String reason, boolean remote) {
			}

			@Override
			public void onError(Exception failure) {
			}

		};
		if (!socket.connectBlocking(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Not connected to " + url);
		}
		return new Connection() {

			@Override
			public void sendText(String message) {
				socket.send(message);
			}

			@Override
			public void sendBinary(byte[] message) {
				socket.send(message);
			}

			@Override
			public void close() {
				socket.close();
			}

		};
	}

	@Override
	public void close() {
	}

}
