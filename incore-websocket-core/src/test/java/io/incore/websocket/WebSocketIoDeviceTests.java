package io.incore.websocket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket used as an {@link IoDevice}: binary messages from an echo server feed the read stream.
 */
class WebSocketIoDeviceTests {

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();

	private WebSocket device;


	@AfterEach
	void closeDevice() {
		if (this.device != null) {
			this.device.close();
		}
	}

	private WebSocket openDevice() {
		this.device = new WebSocket(null);
		this.device.setUrl(server.url("/echo"));
		assertThat(this.device.open()).isTrue();
		assertThat(this.device.isOpen()).isTrue();
		assertThat(this.device.isWritable()).isTrue();
		await().until(() -> this.device.getState() == WebSocket.State.Open);
		return this.device;
	}

	@Test
	void readsLinesAcrossMessageBoundariesAndKeepsTheNewline() {
		WebSocket device = openDevice();
		List<String> lines = new CopyOnWriteArrayList<>();
		device.lineAvailableForRead.connect(() -> {
			while (device.canReadLine()) {
				lines.add(device.readLine());
			}
		});
		assertThat(device.write("alpha\nbe")).isEqualTo(8);
		assertThat(device.write("ta\ngam")).isEqualTo(6);
		assertThat(device.write("ma\n")).isEqualTo(3);
		await().until(() -> lines.size() == 3);
		assertThat(lines).containsExactly("alpha\n", "beta\n", "gamma\n");
		assertThat(device.getBytesAvailable()).isZero();
		assertThat(device.isAtEnd()).isTrue();
	}

	@Test
	void derivedPropertiesFollowTheBufferAndSignalsComeInOrder() {
		WebSocket device = openDevice();
		SignalRecorder recorder = new SignalRecorder(device);
		device.write("ab\ncd");
		recorder.awaitSignal("binaryMessageReceived");
		assertThat(recorder.names()).containsExactly("bytesAvailableChanged", "sizeChanged", "atEndChanged",
				"canReadLineChanged", "readyRead", "lineAvailableForRead", "binaryMessageReceived");
		assertThat(device.getBytesAvailable()).isEqualTo(5);
		assertThat(device.getSize()).isEqualTo(5);
		assertThat(device.canReadLine()).isTrue();
		assertThat(device.isAtEnd()).isFalse();
		assertThat(device.peekAll()).isEqualTo("ab\ncd".getBytes(StandardCharsets.UTF_8));
		assertThat(device.getBytesAvailable()).isEqualTo(5);
		assertThat(device.read(2)).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
		assertThat(device.canReadLine()).isTrue();
		assertThat(device.readLine()).isEqualTo("\n");
		assertThat(device.canReadLine()).isFalse();
		assertThat(device.readLine()).isEqualTo("cd");
		assertThat(device.isAtEnd()).isTrue();
		assertThat(device.readAll()).isEmpty();
		assertThat(device.readLine()).isEmpty();
	}

	@Test
	void readAllDrainsSeveralMessages() {
		WebSocket device = openDevice();
		device.write(new byte[] { 1, 2 });
		device.write(new byte[] { 3 });
		await().until(() -> device.getBytesAvailable() == 3);
		assertThat(device.readAll()).containsExactly(1, 2, 3);
		assertThat(device.getBytesAvailable()).isZero();
	}

	@Test
	void writeArrivesAsOneBinaryMessage() throws InterruptedException {
		WebSocket device = openDevice();
		BlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
		List<String> text = new CopyOnWriteArrayList<>();
		device.binaryMessageReceived.connect(binary::add);
		device.textMessageReceived.connect(text::add);
		device.write("héllo\n");
		assertThat(binary.poll(10, TimeUnit.SECONDS)).isEqualTo("héllo\n".getBytes(StandardCharsets.UTF_8));
		assertThat(text).isEmpty();
	}

	@Test
	void textMessagesDoNotEnterTheReadStream() {
		WebSocket device = openDevice();
		SignalRecorder recorder = new SignalRecorder(device);
		device.sendTextMessage("text\n");
		recorder.awaitSignal("textMessageReceived");
		assertThat(device.getBytesAvailable()).isZero();
		assertThat(recorder.names()).containsExactly("textMessageReceived");
	}

	@Test
	void closeDiscardsUnreadDataAndDisconnects() {
		WebSocket device = openDevice();
		device.write("left over");
		await().until(() -> device.getBytesAvailable() > 0);
		device.close();
		assertThat(device.isOpen()).isFalse();
		assertThat(device.isWritable()).isFalse();
		assertThat(device.getBytesAvailable()).isZero();
		assertThat(device.isAtEnd()).isTrue();
		await().until(() -> device.getState() == WebSocket.State.Closed);
	}

	@Test
	void writeOnAClosedOrReadOnlyDeviceFailsWithADeviceError() {
		this.device = new WebSocket(null);
		assertThat(this.device.write("x")).isEqualTo(-1);
		assertThat(this.device.getDeviceErrorString()).contains("not open");
		assertThat(this.device.getError()).isEqualTo(WebSocket.Error.NoError);
		WebSocket open = openDevice();
		open.setReadOnly(true);
		assertThat(open.isOpen()).isFalse();
		assertThat(open.open()).isTrue();
		assertThat(open.isWritable()).isFalse();
		assertThat(open.write("x")).isEqualTo(-1);
		assertThat(open.getDeviceErrorString()).contains("read-only");
	}

	@Test
	void openWithAnInvalidUrlReturnsFalse() {
		this.device = new WebSocket(null);
		this.device.setUrl("ftp://127.0.0.1/files");
		assertThat(this.device.open()).isFalse();
		assertThat(this.device.isOpen()).isFalse();
		assertThat(this.device.getDeviceErrorString()).contains("Unsupported URL scheme 'ftp'");
		assertThat(this.device.getError()).isEqualTo(WebSocket.Error.IpSocketError);
	}

	@Test
	void autoOpenOpensTheDeviceAtCompletion() {
		this.device = new WebSocket(null);
		this.device.setUrl(server.url("/echo"));
		this.device.setAutoOpen(true);
		this.device.setAutoConnect(false);
		this.device.complete();
		assertThat(this.device.isOpen()).isTrue();
		await().until(() -> this.device.getState() == WebSocket.State.Open);
	}

	@Test
	void modeFlagsWithoutMeaningDoNotDropTheConnection() {
		WebSocket device = openDevice();
		device.setAppend(false);
		device.setTruncate(true);
		device.setUnbuffered(true);
		assertThat(device.isOpen()).isTrue();
		assertThat(device.getState()).isEqualTo(WebSocket.State.Open);
	}

}
