package io.incore.websocket.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The JDK's {@code java.net.http.WebSocket}, for reference. A message may be sent only after the previous send
 * completed, so each send waits for the one before.
 */
final class JdkClient implements BenchmarkClient {

	private final HttpClient http = HttpClient.newHttpClient();

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		WebSocket socket = this.http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {

			private int partialSize;

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				received(webSocket, data.length(), last);
				return null;
			}

			@Override
			public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
				received(webSocket, data.remaining(), last);
				return null;
			}

			private void received(WebSocket webSocket, int size, boolean last) {
				this.partialSize += size;
				if (last) {
					onMessage.accept(this.partialSize);
					this.partialSize = 0;
				}
				webSocket.request(1);
			}

		}).join();
		return new Connection() {

			@Override
			public synchronized void sendText(String message) {
				socket.sendText(message, true).join();
			}

			@Override
			public synchronized void sendBinary(byte[] message) {
				socket.sendBinary(ByteBuffer.wrap(message), true).join();
			}

			@Override
			public void close() {
				socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
			}

		};
	}

	/**
	 * Nothing to release on Java 17: the client's threads end with the driver's JVM.
	 */
	@Override
	public void close() {
	}

}
