package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.incore.websocket.internal.frame.RawDeflate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * permessage-deflate (RFC 7692) over real sockets: against Netty's implementation for every combination of
 * context takeover the two sides can agree on, and against a raw server for the exact bytes on the wire, the
 * threshold, and servers that answer or compress wrongly.
 */
class CompressionTests {

	private static final String QUOTE = "{\"symbol\":\"ACME\",\"bid\":101.25,\"ask\":101.27,\"venue\":\"XNAS\"}";

	private static final String LARGE = QUOTE.repeat(30);

	private final List<WebSocket> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(WebSocket::close);
	}

	@ParameterizedTest(name = "client offers client_no_context_takeover: {0}, asks server_no_context_takeover: {1}")
	@CsvSource({ "false,false", "true,false", "false,true", "true,true" })
	void messagesRoundTripThroughNettyWithEachContextTakeoverCombination(boolean clientNoContext,
			boolean serverNoContext) {
		try (DeflateEchoServer server = new DeflateEchoServer(true, true)) {
			WebSocket socket = socket(WebSocketOptions.builder()
				.compression(new Compression(true, Compression.DEFAULT_THRESHOLD, clientNoContext, serverNoContext, 0))
				.build());
			SignalRecorder recorder = SignalRecorder.connectedTo(socket, server.url());
			String expected = "permessage-deflate" + (clientNoContext ? "; client_no_context_takeover" : "")
					+ (serverNoContext ? "; server_no_context_takeover" : "");
			assertThat(socket.getNegotiatedExtensions()).containsExactly(expected);
			List<String> sent = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String message = (i % 5 == 0) ? "small " + i : LARGE + i;
				sent.add(message);
				assertThat(socket.sendTextMessage(message)).isEqualTo(message.getBytes(StandardCharsets.UTF_8).length);
			}
			byte[] binary = new byte[256 * 1024];
			Arrays.fill(binary, 0, 1000, (byte) 7);
			socket.sendBinaryMessage(binary);
			recorder.awaitCount("binaryMessageReceived", 1);
			assertThat(recorder.argumentsOf("textMessageReceived")).containsExactlyElementsOf(sent);
			assertThat((byte[]) recorder.argumentsOf("binaryMessageReceived").get(0)).isEqualTo(binary);
			assertThat(recorder.names()).doesNotContain("errorOccurred");
		}
	}

	@Test
	void theOfferIsMadeByDefaultAsConfiguredAndNotWhenOff() throws Exception {
		try (RawWebSocketServer raw = new RawWebSocketServer(0, null, (in, out) -> drain(in))) {
			open(WebSocketOptions.defaults(), raw.url());
			open(WebSocketOptions.builder().compression(new Compression(true, 0, true, true, 10)).build(), raw.url());
			WebSocket off = open(WebSocketOptions.builder().compression(Compression.OFF).build(), raw.url());
			assertThat(raw.requestHeader("Sec-WebSocket-Extensions")).containsExactly("permessage-deflate",
					"permessage-deflate; client_no_context_takeover; server_no_context_takeover; server_max_window_bits=10",
					null);
			assertThat(off.getNegotiatedExtensions()).isEmpty();
			assertThat(this.sockets.get(0).getNegotiatedExtensions()).as("the server declined").isEmpty();
		}
	}

	@Test
	void messagesFromTheThresholdOnAreCompressedOnTheWireWithTheWindowKept() throws Exception {
		BlockingQueue<RawWebSocketServer.Frame> received = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, "permessage-deflate; server_max_window_bits=10",
				(in, out) -> {
					for (int i = 0; i < 4; i++) {
						received.add(RawWebSocketServer.readFrame(in));
					}
					drain(in);
				})) {
			WebSocket socket = open(WebSocketOptions.defaults(), raw.url());
			assertThat(socket.getNegotiatedExtensions()).containsExactly("permessage-deflate; server_max_window_bits=10");
			String atThreshold = "t".repeat(Compression.DEFAULT_THRESHOLD);
			socket.sendTextMessage(LARGE);
			socket.sendTextMessage(LARGE);
			socket.sendTextMessage(atThreshold.substring(1));
			socket.sendBinaryMessage(atThreshold.getBytes(StandardCharsets.UTF_8));
			RawWebSocketServer.Frame first = received.poll(10, TimeUnit.SECONDS);
			RawWebSocketServer.Frame second = received.poll(10, TimeUnit.SECONDS);
			RawWebSocketServer.Frame belowThreshold = received.poll(10, TimeUnit.SECONDS);
			RawWebSocketServer.Frame binary = received.poll(10, TimeUnit.SECONDS);
			assertThat(first.firstByte()).isEqualTo(0xC1);
			assertThat(second.firstByte()).isEqualTo(0xC1);
			assertThat(first.payload().length).isLessThan(LARGE.length() / 5);
			assertThat(second.payload().length).as("refers back to the first").isLessThan(first.payload().length / 2);
			Inflater inflater = new Inflater(true);
			assertThat(inflate(inflater, first.payload())).isEqualTo(LARGE);
			assertThat(inflate(inflater, second.payload())).isEqualTo(LARGE);
			assertThat(belowThreshold.firstByte()).isEqualTo(0x81);
			assertThat(new String(belowThreshold.payload(), StandardCharsets.UTF_8)).isEqualTo(atThreshold.substring(1));
			assertThat(binary.firstByte()).isEqualTo(0xC2);
			assertThat(inflate(inflater, binary.payload())).isEqualTo(atThreshold);
			inflater.end();
		}
	}

	@Test
	void clientNoContextTakeoverFromTheServerMakesEveryMessageStandAlone() throws Exception {
		BlockingQueue<byte[]> payloads = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, "permessage-deflate; client_no_context_takeover",
				(in, out) -> {
					for (int i = 0; i < 2; i++) {
						payloads.add(RawWebSocketServer.readFrame(in).payload());
					}
					drain(in);
				})) {
			WebSocket socket = open(WebSocketOptions.defaults(), raw.url());
			socket.sendTextMessage(LARGE);
			socket.sendTextMessage(LARGE);
			byte[] first = payloads.poll(10, TimeUnit.SECONDS);
			byte[] second = payloads.poll(10, TimeUnit.SECONDS);
			assertThat(second).isEqualTo(first);
			Inflater fresh = new Inflater(true);
			assertThat(inflate(fresh, second)).isEqualTo(LARGE);
			fresh.end();
		}
	}

	@Test
	void whatTheServerCompressesIsInflatedAcrossMessages() throws Exception {
		byte[] hello = { (byte) 0xf2, 0x48, (byte) 0xcd, (byte) 0xc9, (byte) 0xc9, 0x07, 0x00 };
		byte[] helloAgain = { (byte) 0xf2, 0x00, 0x11, 0x00, 0x00 };
		try (RawWebSocketServer raw = new RawWebSocketServer(0, "permessage-deflate", (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0xC1, hello, false);
			RawWebSocketServer.writeFrame(out, 0xC1, helloAgain, false);
			RawWebSocketServer.writeFrame(out, 0xC2, RawDeflate.deflate(LARGE.getBytes(StandardCharsets.UTF_8)), true);
			drain(in);
		})) {
			WebSocket socket = socket(WebSocketOptions.defaults());
			SignalRecorder recorder = SignalRecorder.connectedTo(socket, raw.url());
			recorder.awaitCount("binaryMessageReceived", 1);
			assertThat(recorder.argumentsOf("textMessageReceived")).containsExactly("Hello", "Hello");
			assertThat(new String((byte[]) recorder.argumentsOf("binaryMessageReceived").get(0),
					StandardCharsets.UTF_8)).isEqualTo(LARGE);
		}
	}

	@Test
	void aDeflateBombClosesWith1009AndDeliversNothing() throws Exception {
		BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, "permessage-deflate", (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0xC2, RawDeflate.deflate(new byte[64 * 1024 * 1024]), true);
			closeCodes.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			WebSocket socket = socket(WebSocketOptions.builder().maxMessageSize(1024 * 1024).build());
			SignalRecorder recorder = SignalRecorder.connectedTo(socket, raw.url());
			assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1009);
			recorder.awaitSignal("disconnected");
			assertThat(recorder.count("binaryMessageReceived")).isZero();
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.DatagramTooLargeError);
			assertThat(socket.getErrorString()).contains("inflates to more than the maximum message size");
		}
	}

	@Test
	void dataThatDoesNotInflateClosesWith1007() throws Exception {
		BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, "permessage-deflate", (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0xC1, new byte[] { (byte) 0xFF, (byte) 0xFF, 1, 2 }, true);
			closeCodes.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			WebSocket socket = socket(WebSocketOptions.defaults());
			SignalRecorder recorder = SignalRecorder.connectedTo(socket, raw.url());
			assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1007);
			recorder.awaitSignal("disconnected");
			assertThat(socket.getErrorString()).contains("compressed message that does not inflate").contains("1007");
		}
	}

	@Test
	void compressedFramesWithoutTheExtensionAre1002() throws Exception {
		BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, null, (in, out) -> {
			RawWebSocketServer.writeFrame(out, 0xC1, RawDeflate.deflate(LARGE.getBytes(StandardCharsets.UTF_8)), true);
			closeCodes.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			SignalRecorder.connectedTo(socket(WebSocketOptions.defaults()), raw.url());
			assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1002);
		}
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', value = {
			"false|permessage-deflate|the extension 'permessage-deflate', which was not offered",
			"true|x-webkit-deflate-frame|the extension 'x-webkit-deflate-frame', which was not offered",
			"true|permessage-deflate; client_max_window_bits=10|limits the client's window",
			"true|permessage-deflate; server_max_window_bits=20|invalid window" })
	void anAnswerTheClientCannotAcceptFailsTheConnection(boolean offered, String answer, String problem)
			throws Exception {
		try (RawWebSocketServer raw = new RawWebSocketServer(0, answer, (in, out) -> drain(in))) {
			WebSocket socket = socket(WebSocketOptions.builder()
				.compression(offered ? Compression.DEFAULT : Compression.OFF)
				.build());
			SignalRecorder recorder = new SignalRecorder(socket);
			socket.setUrl(raw.url());
			socket.setAutoConnect(false);
			socket.connectToHost();
			await().until(() -> recorder.names().contains("ipSocketErrorOccurred"));
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
			assertThat(socket.getErrorString()).contains(problem).contains("127.0.0.1");
			assertThat(recorder.names()).doesNotContain("connected");
		}
	}

	private WebSocket socket(WebSocketOptions options) {
		WebSocket socket = new WebSocket(null, options);
		this.sockets.add(socket);
		return socket;
	}

	private WebSocket open(WebSocketOptions options, String url) {
		WebSocket socket = socket(options);
		SignalRecorder.connectedTo(socket, url);
		return socket;
	}

	private static String inflate(Inflater inflater, byte[] payload) throws DataFormatException {
		inflater.setInput(concat(payload, new byte[] { 0, 0, (byte) 0xFF, (byte) 0xFF }));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		int count;
		while ((count = inflater.inflate(buffer)) > 0) {
			out.write(buffer, 0, count);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] joined = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, joined, first.length, second.length);
		return joined;
	}

	private static void drain(DataInputStream in) throws IOException {
		while (in.read() != -1) {
			// discard
		}
	}

}
