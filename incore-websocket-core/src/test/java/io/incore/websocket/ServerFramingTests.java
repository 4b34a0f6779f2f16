package io.incore.websocket;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the client reads the frames a server writes, over a real socket: whole and fragmented messages, control
 * frames between fragments, and frames that break the protocol; and the frames the client writes.
 */
class ServerFramingTests {

	/** Payload lengths around where the frame header switches from 7-bit to 16-bit to 64-bit lengths. */
	private static final int[] LENGTHS_AT_ENCODING_EDGES = { 0, 1, 17, 123, 124, 125, 126, 1000, 65_533, 65_534, 65_535,
			65_536, 70_000 };

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
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
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

	/**
	 * Three hundred messages of every length encoding, text and binary, some fragmented with pings between the
	 * fragments, written in pieces that end inside frame headers and at random places in between (where the
	 * client's reads end is up to the kernel; the frame reader's unit tests cut at every byte).
	 */
	@Test
	void aLongMixedStreamCutAtRandomPlacesArrivesWholeAndInOrder() throws Exception {
		Random random = new Random(20261125);
		List<String> sent = new ArrayList<>();
		List<String> pings = new ArrayList<>();
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		TreeSet<Integer> cuts = new TreeSet<>();
		for (int i = 0; i < 300; i++) {
			boolean text = random.nextBoolean();
			int size = LENGTHS_AT_ENCODING_EDGES[random.nextInt(LENGTHS_AT_ENCODING_EDGES.length)] + random.nextInt(3);
			byte[] payload;
			if (text) {
				String message = randomText(random, size);
				sent.add(describe(message));
				payload = utf8(message);
			}
			else {
				payload = new byte[size];
				random.nextBytes(payload);
				sent.add(describe(payload));
			}
			int fragments = (random.nextInt(4) == 0) ? 2 + random.nextInt(3) : 1;
			int start = 0;
			for (int fragment = 1; fragment <= fragments; fragment++) {
				int end = (fragment == fragments) ? payload.length : start + random.nextInt(payload.length - start + 1);
				int opcode = (fragment == 1) ? (text ? 0x1 : 0x2) : 0x0;
				cuts.add(stream.size() + 1 + random.nextInt(2));
				RawWebSocketServer.writeFrame(stream, ((fragment == fragments) ? 0x80 : 0) | opcode,
						Arrays.copyOfRange(payload, start, end), false);
				start = end;
				if (random.nextInt(5) == 0) {
					String ping = "ping " + pings.size();
					pings.add("10:" + ping);
					cuts.add(stream.size() + 1);
					RawWebSocketServer.writeFrame(stream, 0x89, utf8(ping), false);
				}
			}
		}
		byte[] all = stream.toByteArray();
		for (int cut = 0; cut < all.length; cut += 1 + random.nextInt(3000)) {
			cuts.add(cut);
		}
		cuts.add(all.length);
		BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			int from = 0;
			for (int to : cuts) {
				out.write(all, from, to - from);
				out.flush();
				from = to;
			}
			for (int i = 0; i < pings.size(); i++) {
				RawWebSocketServer.Frame pong = RawWebSocketServer.readFrame(in);
				pongs.add(pong.opcode() + ":" + new String(pong.payload(), StandardCharsets.UTF_8));
			}
			in.read();
		})) {
			List<String> received = new CopyOnWriteArrayList<>();
			this.socket = new WebSocket(null, WebSocketOptions.defaults());
			this.socket.textMessageReceived.connect((message) -> received.add(describe(message)));
			this.socket.binaryMessageReceived.connect((message) -> received.add(describe(message)));
			SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, raw.url());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> received.size() >= sent.size() || recorder.count("disconnected") > 0);
			assertThat(received).containsExactlyElementsOf(sent);
			List<String> answered = new ArrayList<>();
			for (int i = 0; i < pings.size(); i++) {
				answered.add(pongs.poll(10, TimeUnit.SECONDS));
			}
			assertThat(answered).containsExactlyElementsOf(pings);
			assertThat(recorder.names()).doesNotContain("errorOccurred", "disconnected");
		}
	}

	/**
	 * A ping that comes while the connection has no room to write (the server stopped reading, the sender waits) is
	 * still answered when no pong is waiting to be written: its pong goes behind the messages, and the server reads
	 * it once it reads again. Only a second ping in that state waits for the first one's pong (RFC 6455 5.5.3).
	 */
	@Test
	void aPingThatComesWhileTheConnectionIsFullIsAnsweredBehindTheMessages() throws Exception {
		CountDownLatch full = new CountDownLatch(1);
		BlockingQueue<String> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			try {
				full.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			RawWebSocketServer.writeFrame(out, 0x89, utf8("while full"), true);
			int messages = 0;
			RawWebSocketServer.Frame frame;
			while ((frame = RawWebSocketServer.readFrame(in)).opcode() != 0xA) {
				messages++;
			}
			serverSaw.add(messages + " messages, then pong " + new String(frame.payload(), StandardCharsets.UTF_8));
			in.transferTo(OutputStream.nullOutputStream());
		})) {
			connect(raw.url()).awaitSignal("connected");
			AtomicBoolean sending = new AtomicBoolean(true);
			Thread sender = new Thread(() -> {
				byte[] message = new byte[64 * 1024];
				while (sending.get() && this.socket.sendBinaryMessage(message) > 0) {
					// Until the socket, the channel and the coalescing have no room and a send waits.
				}
			}, "test-sender");
			sender.setDaemon(true);
			sender.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> sender.getState() == Thread.State.WAITING);
			full.countDown();
			String saw = serverSaw.poll(30, TimeUnit.SECONDS);
			sending.set(false);
			assertThat(saw).as("the server read a pong").isNotNull().endsWith("then pong while full");
			assertThat(Integer.parseInt(saw.substring(0, saw.indexOf(' ')))).isPositive();
		}
	}

	/**
	 * A message in a few words that tell messages apart: kind, length and a hash of the content.
	 */
	private static String describe(String text) {
		return "text of " + text.length() + " chars #" + text.hashCode();
	}

	private static String describe(byte[] binary) {
		return "binary of " + binary.length + " bytes #" + Arrays.hashCode(binary);
	}

	/**
	 * Text of about {@code size} UTF-8 bytes mixing one-, two-, three- and four-byte characters, so that fragment
	 * and read boundaries fall inside characters too.
	 */
	private static String randomText(Random random, int size) {
		String[] characters = { "a", "Z", "é", "€", "𝄞" };
		StringBuilder text = new StringBuilder();
		int bytes = 0;
		while (bytes < size) {
			String character = characters[random.nextInt(characters.length)];
			text.append(character);
			bytes += utf8(character).length;
		}
		return text.toString();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
