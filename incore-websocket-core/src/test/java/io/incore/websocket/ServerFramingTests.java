package io.incore.websocket;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the client reads the frames a server writes, over a real socket: whole messages, which the frame guard
 * reads itself, and everything it leaves to Tyrus: fragmented messages, control frames between fragments, and
 * frames that break the protocol; and the frames the client writes.
 */
class ServerFramingTests {

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private SignalRecorder connect(String url) {
		this.socket = new WebSocket(null, WebSocketOptions.defaults());
		return SignalRecorder.connectedTo(this.socket, url);
	}

	@Test
	void fragmentedAndWholeMessagesArriveInTheOrderSentWithAPingAnsweredBetweenFragments() throws Exception {
		BlockingQueue<String> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, socketOut) -> {
			OutputStream out = new BufferedOutputStream(socketOut);
			RawWebSocketServer.writeFrame(out, 0x81, utf8("first"), false);
			RawWebSocketServer.writeFrame(out, 0x01, utf8("frag"), false);
			RawWebSocketServer.writeFrame(out, 0x89, utf8("are you there"), false);
			RawWebSocketServer.writeFrame(out, 0x00, utf8("mén"), false);
			RawWebSocketServer.writeFrame(out, 0x80, utf8("ted"), false);
			RawWebSocketServer.writeFrame(out, 0x82, new byte[] { 1, 2, 3 }, false);
			RawWebSocketServer.writeFrame(out, 0x81, utf8("grüße"), true);
			RawWebSocketServer.Frame pong = RawWebSocketServer.readFrame(in);
			serverSaw.add(pong.opcode() + ":" + new String(pong.payload(), StandardCharsets.UTF_8));
			in.read();
		})) {
			SignalRecorder recorder = connect(raw.url());
			recorder.awaitCount("textMessageReceived", 3);
			assertThat(recorder.argumentsOf("textMessageReceived")).containsExactly("first", "fragménted", "grüße");
			assertThat(recorder.names((name) -> name.endsWith("MessageReceived"))).containsExactly("textMessageReceived", "textMessageReceived", "binaryMessageReceived",
						"textMessageReceived");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo("10:are you there");
			WebSocketStatistics statistics = this.socket.getStatistics();
			assertThat(statistics.textMessagesReceived()).isEqualTo(3);
			assertThat(statistics.textBytesReceived()).isEqualTo(5 + 11 + 7);
			assertThat(statistics.binaryBytesReceived()).isEqualTo(3);
		}
	}

	@Test
	void aFrameWithAReservedBitSetClosesWith1002AndNothingAfterItIsDelivered() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, socketOut) -> {
			OutputStream out = new BufferedOutputStream(socketOut);
			RawWebSocketServer.writeFrame(out, 0x81, utf8("before"), false);
			RawWebSocketServer.writeFrame(out, 0xC1, utf8("compressed?"), false);
			RawWebSocketServer.writeFrame(out, 0x81, utf8("after"), true);
			serverSaw.add(closeCodeFrom(in));
		})) {
			SignalRecorder recorder = connect(raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1002);
			assertThat(recorder.argumentsOf("textMessageReceived")).containsExactly("before");
			assertThat(this.socket.getErrorString()).contains("1002");
		}
	}

	@Test
	void theClientWritesOneFinalMaskedFramePerMessage() throws Exception {
		BlockingQueue<RawWebSocketServer.Frame> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			for (int i = 0; i < 4; i++) {
				serverSaw.add(RawWebSocketServer.readFrame(in));
			}
			in.read();
		})) {
			connect(raw.url());
			byte[] large = new byte[70_000];
			new java.util.Random(7).nextBytes(large);
			assertThat(this.socket.sendTextMessage("grüße 𝄞")).isEqualTo(12);
			assertThat(this.socket.sendBinaryMessage(large)).isEqualTo(70_000);
			assertThat(this.socket.sendTextMessage("")).isZero();
			assertThat(this.socket.sendTextMessage("lone \uD800")).isEqualTo(6);
			List<RawWebSocketServer.Frame> frames = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				frames.add(serverSaw.poll(10, TimeUnit.SECONDS));
			}
			assertThat(frames).extracting(RawWebSocketServer.Frame::firstByte).containsExactly(0x81, 0x82, 0x81, 0x81);
			assertThat(frames).allMatch(RawWebSocketServer.Frame::masked);
			assertThat(new String(frames.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("grüße 𝄞");
			assertThat(frames.get(1).payload()).isEqualTo(large);
			assertThat(frames.get(2).payload()).isEmpty();
			assertThat(new String(frames.get(3).payload(), StandardCharsets.UTF_8)).isEqualTo("lone ?");
			assertThat(this.socket.getStatistics().textBytesSent()).isEqualTo(12 + 0 + 6);
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int closeCodeFrom(DataInputStream in) throws IOException {
		RawWebSocketServer.Frame frame;
		do {
			frame = RawWebSocketServer.readFrame(in);
		}
		while (frame.opcode() != 8);
		return frame.closeCode();
	}

}
