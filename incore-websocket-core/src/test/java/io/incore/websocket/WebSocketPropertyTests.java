package io.incore.websocket;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Defaults, change signals and the writable {@code state} of the WebSocket object.
 */
class WebSocketPropertyTests {

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();


	@Test
	void hasTheDocumentedDefaults() {
		WebSocket socket = new WebSocket(null);
		assertThat(socket.isAutoConnect()).isTrue();
		assertThat(socket.getError()).isEqualTo(WebSocket.Error.NoError);
		assertThat(socket.getErrorString()).isEmpty();
		assertThat(socket.getState()).isEqualTo(WebSocket.State.Closed);
		assertThat(socket.getSubProtocol()).isEmpty();
		assertThat(socket.getUrl()).isEmpty();
		assertThat(socket.isAppend()).isTrue();
		assertThat(socket.isAtEnd()).isTrue();
		assertThat(socket.isAutoOpen()).isFalse();
		assertThat(socket.getBytesAvailable()).isZero();
		assertThat(socket.canReadLine()).isFalse();
		assertThat(socket.getDeviceErrorString()).isEmpty();
		assertThat(socket.isOpen()).isFalse();
		assertThat(socket.isWritable()).isFalse();
		assertThat(socket.getNameArgument()).isEmpty();
		assertThat(socket.getPos()).isZero();
		assertThat(socket.isReadOnly()).isFalse();
		assertThat(socket.getSize()).isZero();
		assertThat(socket.isTruncate()).isFalse();
		assertThat(socket.isUnbuffered()).isFalse();
		assertThat(socket.getObjectId()).isEmpty();
		assertThat(socket.getParent()).isNull();
	}

	@Test
	void enumerationsCarryTheDocumentedValues() {
		assertThat(WebSocket.State.values()).extracting(WebSocket.State::value).containsExactly(0, 1, 2, 3);
		assertThat(WebSocket.Error.values()).extracting(WebSocket.Error::value).containsExactly(0, 1, 2, 3);
		assertThat(IpSocketError.values()).extracting(IpSocketError::value)
			.containsExactly(0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
					30, 31, 32);
		assertThat(IpSocketError.fromValue(23)).isEqualTo(IpSocketError.SslHandshakeFailedError);
		assertThat(WebSocket.State.fromValue(3)).isEqualTo(WebSocket.State.Closed);
	}

	@Test
	void everyWritablePropertyFiresItsChangeSignalOncePerRealChange() {
		WebSocket socket = new WebSocket(null);
		socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(socket);
		for (int i = 0; i < 2; i++) {
			socket.setUrl("ws://127.0.0.1:1/a");
			socket.setSubProtocol("chat");
			socket.setAutoConnect(true);
			socket.setObjectId("feed");
			socket.setNameArgument("n");
			socket.setAppend(false);
			socket.setTruncate(true);
			socket.setUnbuffered(true);
			socket.setReadOnly(true);
			socket.setAutoOpen(true);
		}
		socket.setPos(5);
		await().until(() -> recorder.count("autoOpenChanged") == 1);
		assertThat(recorder.names()).containsExactly("urlChanged", "subProtocolChanged", "autoConnectChanged",
				"objectIdChanged", "nameArgumentChanged", "appendChanged", "truncateChanged", "unbufferedChanged",
				"readOnlyChanged", "autoOpenChanged");
		assertThat(socket.getPos()).isZero();
	}

	@Test
	void writingStateOpenConnectsAndClosedDisconnects() {
		WebSocket socket = new WebSocket(null);
		socket.setUrl(server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.setState(WebSocket.State.Open);
		recorder.awaitSignal("connected");
		socket.setState(WebSocket.State.Open);
		socket.setState(WebSocket.State.Closed);
		recorder.awaitSignal("disconnected");
		assertThat(recorder.names()).containsExactly("stateChanged", "stateChanged", "connected", "stateChanged",
				"stateChanged", "disconnected");
		assertThat(socket.getState()).isEqualTo(WebSocket.State.Closed);
	}

	@Test
	void repeatedErrorEmitsErrorOccurredEachTimeButErrorChangedOnce() {
		WebSocket socket = new WebSocket(null);
		socket.setUrl("http://127.0.0.1/echo");
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		socket.connectToHost();
		socket.connectToHost();
		recorder.awaitCount("errorOccurred", 3);
		assertThat(recorder.count("errorChanged")).isEqualTo(1);
		assertThat(recorder.count("errorStringChanged")).isEqualTo(1);
		assertThat(recorder.count("ipSocketErrorOccurred")).isEqualTo(3);
	}

	@Test
	void changingTheUrlWhileOpenReconnectsToTheNewUrl() {
		WebSocket socket = new WebSocket(null);
		socket.setUrl(server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		recorder.awaitSignal("connected");
		socket.setUrl(server.url("/echo?second"));
		recorder.awaitCount("connected", 2);
		assertThat(recorder.names(name -> name.equals("connected") || name.equals("disconnected")))
			.containsExactly("connected", "disconnected", "connected");
		socket.close();
	}

	@Test
	void completionConnectsOnlyWithAutoConnectAndAUrl() {
		WebSocket idle = new WebSocket(null);
		idle.setUrl(server.url("/echo"));
		idle.setAutoConnect(false);
		WebSocket auto = new WebSocket(null);
		auto.setUrl(server.url("/echo"));
		SignalRecorder autoRecorder = new SignalRecorder(auto);
		assertThat(auto.getState()).isEqualTo(WebSocket.State.Closed);
		idle.complete();
		auto.complete();
		autoRecorder.awaitSignal("connected");
		assertThat(idle.getState()).isEqualTo(WebSocket.State.Closed);
		assertThat(autoRecorder.names()).containsExactly("stateChanged", "completed", "stateChanged", "connected");
		auto.close();
	}

	/**
	 * {@code completed()} comes before whatever the start-up began on other threads, as in a single-threaded
	 * InCore, even when the thread that completes is held up after the connection started (as a busy machine may
	 * hold it up): the connection's {@code Open} waits for the completion.
	 */
	@Test
	void completedComesBeforeAConnectionThatOpensWhileCompleting() throws InterruptedException {
		CountDownLatch opened = new CountDownLatch(1);
		WebSocket socket = new WebSocket(null) {

			@Override
			void onCompleted() {
				super.onCompleted();
				try {
					// Held up: long enough for a connection on 127.0.0.1 to open, unless it waits for the completion.
					opened.await(500, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
		socket.setUrl(server.url("/echo"));
		socket.connected.connect(opened::countDown);
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");
		assertThat(recorder.names()).containsExactly("stateChanged", "completed", "stateChanged", "connected");
		socket.close();
	}

}
