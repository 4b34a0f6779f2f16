package io.incore.websocket.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * OkHttp 5 with its defaults, for reference; sends are queued (up to 16 MiB per connection) for the connection's
 * writer.
 */
final class OkHttpClientDriver implements BenchmarkClient {

	private final OkHttpClient client = new OkHttpClient();

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		CompletableFuture<Void> opened = new CompletableFuture<>();
		WebSocket socket = this.client.newWebSocket(new Request.Builder().url(url.replaceFirst("^ws", "http")).build(),
				new WebSocketListener() {

					@Override
					public void onOpen(WebSocket webSocket, Response response) {
						opened.complete(null);
					}

					@Override
					public void onMessage(WebSocket webSocket, String text) {
						onMessage.accept(text.length());
					}

					@Override
					public void onMessage(WebSocket webSocket, ByteString bytes) {
						onMessage.accept(bytes.size());
					}

					@Override
					public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
						opened.completeExceptionally(failure);
					}

				});
		opened.get(10, TimeUnit.SECONDS);
		return new Connection() {

			@Override
			public void sendText(String message) {
				socket.send(message);
			}

			@Override
			public void sendBinary(byte[] message) {
				socket.send(ByteString.of(message));
			}

			@Override
			public void close() {
				socket.close(1000, null);
			}

		};
	}

	@Override
	public void close() {
		this.client.dispatcher().executorService().shutdown();
		this.client.connectionPool().evictAll();
	}

}
