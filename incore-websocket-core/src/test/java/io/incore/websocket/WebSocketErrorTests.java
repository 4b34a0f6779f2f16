package io.incore.websocket;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors from the network and from bad URLs: the codes, the texts and the order of the signals.
 */
class WebSocketErrorTests {

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private SignalRecorder connectTo(String url) {
		this.socket = new WebSocket(null);
		this.socket.setUrl(url);
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connectToHost();
		return recorder;
	}

	@Test
	void refusedPortReportsConnectionRefusedThenDisconnected() throws IOException {
		int port = freePort();
		SignalRecorder recorder = connectTo("ws://127.0.0.1:" + port + "/echo");
		recorder.awaitSignal("reconnectScheduled");
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.IpSocketError);
		assertThat(this.socket.getErrorString()).contains("Connection refused").contains(String.valueOf(port));
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
		assertThat(recorder.names()).containsExactly("stateChanged", "errorStringChanged", "errorChanged",
				"ipSocketErrorOccurred", "errorOccurred", "stateChanged", "disconnected", "reconnectScheduled");
		ReconnectScheduled scheduled = (ReconnectScheduled) recorder.argumentsOf("reconnectScheduled").get(0);
		assertThat(scheduled.attempt()).isOne();
		assertThat(scheduled.cause()).isEqualTo(this.socket.getErrorString());
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closed);
	}

	@Test
	void unknownHostReportsHostNotFound() {
		SignalRecorder recorder = connectTo("ws://no-such-host.invalid:8080/echo");
		recorder.awaitSignal("disconnected");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.HostNotFoundError);
		assertThat(this.socket.getErrorString()).contains("no-such-host.invalid");
	}

	@Test
	void httpSchemeIsRejectedWithoutAnAttempt() {
		assertRejectedWithoutAttempt("http://127.0.0.1:8080/echo", IpSocketError.UnsupportedSocketOperationError,
				"ws:// or wss://");
	}

	@Test
	void emptyHostIsRejectedWithoutAnAttempt() {
		assertRejectedWithoutAttempt("ws://:8080/echo", IpSocketError.EmptyHostNameError, "host name is missing");
	}

	@Test
	void portOutOfRangeIsRejectedWithoutAnAttempt() {
		assertRejectedWithoutAttempt("ws://127.0.0.1:70000/echo", IpSocketError.PortNumberOutOfRangeError,
				"port 70000 is outside the range 1 to 65535");
	}

	@Test
	void emptyUrlIsRejectedWithoutAnAttempt() {
		assertRejectedWithoutAttempt("", IpSocketError.ConnectionRefusedError, "the url is empty");
	}

	@Test
	void malformedUrlIsRejectedWithoutAnAttempt() {
		assertRejectedWithoutAttempt("ws://127.0.0.1:80/a b", IpSocketError.ConnectionRefusedError, "Invalid URL");
	}

	private void assertRejectedWithoutAttempt(String url, IpSocketError expected, String text) {
		SignalRecorder recorder = connectTo(url);
		recorder.awaitSignal("errorOccurred");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(expected);
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.IpSocketError);
		assertThat(this.socket.getErrorString()).contains(text);
		assertThat(recorder.names()).doesNotContain("stateChanged", "disconnected");
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closed);
	}

	@Test
	void errorStringNeverShowsCredentialsOfTheUrl() throws IOException {
		int port = freePort();
		SignalRecorder recorder = connectTo("ws://alice:pa55word@127.0.0.1:" + port + "/echo?access_token=t0k3n&room=7");
		recorder.awaitSignal("disconnected");
		assertThat(this.socket.getErrorString()).doesNotContain("pa55word", "t0k3n", "alice")
			.contains("access_token=***", "room=7");
	}

	@Test
	void sendingWhileClosedReturnsMinusOneAndReportsNotOpen() {
		this.socket = new WebSocket(null);
		SignalRecorder recorder = new SignalRecorder(this.socket);
		assertThat(this.socket.sendTextMessage("hello")).isEqualTo(-1);
		assertThat(this.socket.sendBinaryMessage(new byte[] { 1 })).isEqualTo(-1);
		recorder.awaitCount("errorOccurred", 2);
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.NotOpenError);
		assertThat(this.socket.getErrorString()).contains("not open");
		assertThat(recorder.names()).containsExactly("errorStringChanged", "errorChanged", "errorOccurred",
				"errorOccurred");
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

}
