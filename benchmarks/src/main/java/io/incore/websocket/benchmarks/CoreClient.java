package io.incore.websocket.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketOptions;

/**
 * This project's core {@link WebSocket}, as a plain Java program uses it: with default options, with
 * {@link WebSocketOptions#inlineDelivery() inline delivery}, with {@link WebSocketOptions#tcpNoDelay()
 * TCP_NODELAY} off, or with {@link WebSocketOptions#coalesceSends() coalesced sends} off.
 */
final class CoreClient implements BenchmarkClient {

	private final WebSocketOptions options;

	CoreClient(WebSocketOptions options) {
		this.options = options;
	}

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		WebSocket socket = new WebSocket(null, this.options);
		socket.setUrl(url);
		socket.textMessageReceived.connect((text) -> onMessage.accept(text.length()));
		socket.binaryMessageReceived.connect((bytes) -> onMessage.accept(bytes.length));
		return openAndWrap(socket);
	}

	static Connection openAndWrap(WebSocket socket) throws InterruptedException {
		CountDownLatch open = new CountDownLatch(1);
		socket.connected.connect(open::countDown);
		if (socket.getState() != WebSocket.State.Open) {
			socket.connectToHost();
			if (!open.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not connected: " + socket.getErrorString());
			}
		}
		return new Connection() {

			@Override
			public void sendText(String message) {
				socket.sendTextMessage(message);
			}

			@Override
			public void sendBinary(byte[] message) {
				socket.sendBinaryMessage(message);
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
