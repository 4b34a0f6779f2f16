package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad or overwhelming input from the server: oversized messages, listeners slower than the sender, invalid UTF-8,
 * and a peer that never completes the close handshake.
 */
class LimitsTests {

	private static final int BURST = 100_000;

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();

	private WebSocket socket;


	@BeforeEach
	void forgetCloseCodes() {
		TestServer.closeCodes.clear();
	}

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private SignalRecorder connect(WebSocketOptions options, String url) {
		this.socket = new WebSocket(null, options);
		return SignalRecorder.connectedTo(this.socket, url);
	}

	@Test
	void anOversizedMessageClosesWith1009AndReportsTheError() throws InterruptedException {
		SignalRecorder recorder = connect(WebSocketOptions.builder().maxMessageSize(1024 * 1024).build(),
				server.url("/echo"));
		this.socket.sendTextMessage("big:" + 5 * 1024 * 1024);
		recorder.awaitSignal("disconnected");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.DatagramTooLargeError);
		assertThat(this.socket.getErrorString()).contains("5242880 bytes").contains("1048576");
		assertThat(recorder.names(name -> name.endsWith("MessageReceived"))).isEmpty();
		assertThat(TestServer.closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1009);
	}

	@ParameterizedTest(name = "inline delivery: {0}")
	@ValueSource(booleans = { false, true })
	void aListenerSlowerThanTheSenderGetsEveryMessageOnceInOrderWithBoundedQueue(boolean inlineDelivery) {
		InboundLimits limits = new InboundLimits(256, 1024 * 1024, InboundLimits.OverflowPolicy.BLOCK);
		connect(WebSocketOptions.builder().inbound(limits).inlineDelivery(inlineDelivery).build(),
				server.url("/echo"));
		List<Integer> received = new ArrayList<>(BURST);
		AtomicInteger deepest = new AtomicInteger();
		AtomicInteger count = new AtomicInteger();
		this.socket.textMessageReceived.connect((message) -> {
			received.add(Integer.parseInt(message));
			deepest.accumulateAndGet(this.socket.getInboundQueueDepth(), Math::max);
			spin(10_000);
			count.incrementAndGet();
		});
		this.socket.sendTextMessage("burst:" + BURST);
		await().atMost(Duration.ofSeconds(120)).until(() -> count.get() == BURST);
		assertThat(received).isEqualTo(IntStream.range(0, BURST).boxed().toList());
		assertThat(deepest.get()).as("deepest inbound queue; inline, the reader runs the listener itself")
			.isBetween(inlineDelivery ? 1 : 2, 256);
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
	}

	@Test
	void aListenerThatFallsBehindHoldsUpNoOtherConnection() throws InterruptedException {
		InboundLimits limits = new InboundLimits(64, 1024 * 1024, InboundLimits.OverflowPolicy.BLOCK);
		connect(WebSocketOptions.builder().inbound(limits).build(), server.url("/echo"));
		CountDownLatch stuck = new CountDownLatch(1);
		AtomicInteger count = new AtomicInteger();
		AtomicInteger deepest = new AtomicInteger();
		this.socket.textMessageReceived.connect((message) -> {
			awaitQuietly(stuck);
			deepest.accumulateAndGet(this.socket.getInboundQueueDepth(), Math::max);
			count.incrementAndGet();
		});
		this.socket.sendTextMessage("burst:" + BURST);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.socket.getInboundQueueDepth() == 64);
		List<WebSocket> others = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				WebSocket other = new WebSocket(null, WebSocketOptions.builder().build());
				others.add(other);
				BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
				other.textMessageReceived.connect(echoes::add);
				SignalRecorder.connectedTo(other, server.url("/echo"));
				other.sendTextMessage("hello " + i);
				assertThat(echoes.poll(10, TimeUnit.SECONDS)).as("echo on another connection").isEqualTo("hello " + i);
			}
		}
		finally {
			others.forEach(WebSocket::close);
		}
		assertThat(this.socket.getInboundQueueDepth()).as("reading stopped at the limit").isEqualTo(64);
		stuck.countDown();
		await().atMost(Duration.ofSeconds(120)).until(() -> count.get() == BURST);
		assertThat(deepest.get()).isLessThanOrEqualTo(64);
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
	}

	@Test
	void withPolicyFailAListenerThatFallsBehindClosesTheConnectionWith1008() throws InterruptedException {
		InboundLimits limits = new InboundLimits(100, 1024 * 1024, InboundLimits.OverflowPolicy.FAIL);
		SignalRecorder recorder = connect(WebSocketOptions.builder().inbound(limits).build(), server.url("/echo"));
		List<String> seen = new CopyOnWriteArrayList<>();
		this.socket.textMessageReceived.connect((message) -> {
			seen.add(message);
			spin(100_000);
		});
		this.socket.errorOccurred.connect(() -> seen.add("error"));
		this.socket.sendTextMessage("burst:" + BURST);
		recorder.awaitSignal("disconnected");
		assertThat(seen).as("nothing is delivered after the overflow").endsWith("error");
		List<String> delivered = seen.subList(0, seen.size() - 1);
		assertThat(delivered).as("the messages before the overflow, in order and without a gap")
			.isEqualTo(IntStream.range(0, delivered.size()).mapToObj(Integer::toString).toList());
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SocketResourceError);
		assertThat(this.socket.getErrorString()).contains("fell behind").contains("1008");
		assertThat(TestServer.closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1008);
	}

	/**
	 * A server that sends pongs unasked, 20,000 of them, while the pong listener is stuck: pongs count towards the
	 * inbound limits, so reading stops at the limit, and once the listener goes on every pong arrives, in order, then
	 * the message behind them. Before, each pong queued a delivery without a bound (a flood made a client with a slow
	 * listener run out of memory).
	 */
	@Test
	void aFloodOfPongsWaitsWithinTheInboundLimitsAndLosesNothing() throws Exception {
		int pongs = 20_000;
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			writePongs(out, pongs);
			RawWebSocketServer.writeFrame(out, 0x81, "done".getBytes(StandardCharsets.UTF_8), true);
			drain(in);
		})) {
			InboundLimits limits = new InboundLimits(64, 1024 * 1024, InboundLimits.OverflowPolicy.BLOCK);
			CountDownLatch stuck = new CountDownLatch(1);
			List<Integer> received = new ArrayList<>(pongs);
			AtomicInteger deepest = new AtomicInteger();
			BlockingQueue<String> texts = new LinkedBlockingQueue<>();
			this.socket = new WebSocket(null, WebSocketOptions.builder().inbound(limits).build());
			this.socket.pongReceived.connect((payload) -> {
				awaitQuietly(stuck);
				deepest.accumulateAndGet(this.socket.getInboundQueueDepth(), Math::max);
				received.add(Integer.parseInt(new String(payload, StandardCharsets.US_ASCII)));
			});
			this.socket.textMessageReceived.connect(texts::add);
			SignalRecorder.connectedTo(this.socket, raw.url());
			await().atMost(Duration.ofSeconds(10)).until(() -> this.socket.getInboundQueueDepth() == 64);
			stuck.countDown();
			assertThat(texts.poll(30, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(received).isEqualTo(IntStream.range(0, pongs).boxed().toList());
			assertThat(deepest.get()).isLessThanOrEqualTo(64);
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
		}
	}

	@Test
	void withPolicyFailAFloodOfPongsAListenerCannotFollowClosesTheConnectionWith1008() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			writePongs(out, 20_000);
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			drain(in);
		})) {
			InboundLimits limits = new InboundLimits(100, 1024 * 1024, InboundLimits.OverflowPolicy.FAIL);
			this.socket = new WebSocket(null, WebSocketOptions.builder().inbound(limits).build());
			this.socket.pongReceived.connect((payload) -> spin(100_000));
			SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SocketResourceError);
			assertThat(this.socket.getErrorString()).contains("fell behind");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1008);
		}
	}

	private static void writePongs(OutputStream out, int count) throws IOException {
		ByteArrayOutputStream frames = new ByteArrayOutputStream();
		for (int i = 0; i < count; i++) {
			RawWebSocketServer.writeFrame(frames, 0x8A, String.format("%06d", i).getBytes(StandardCharsets.US_ASCII),
					false);
		}
		out.write(frames.toByteArray());
		out.flush();
	}

	private static void drain(InputStream in) throws IOException {
		while (in.read() >= 0) {
			// Until the client ends the connection.
		}
	}

	@Test
	void invalidUtf8InATextFrameClosesWith1007AndReportsTheError() throws Exception {
		BlockingQueue<Integer> serverSaw = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.writeFrame(out, 1, new byte[] { (byte) 0xC3, (byte) 0x28 });
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
		})) {
			SignalRecorder recorder = connect(WebSocketOptions.defaults(), raw.url());
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw.poll(10, TimeUnit.SECONDS)).isEqualTo(1007);
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.NetworkError);
			assertThat(this.socket.getErrorString()).contains("1007");
			assertThat(recorder.names()).doesNotContain("textMessageReceived");
		}
	}

	@Test
	void disconnectWaitsForThePeersCloseFrameAtMostTheCloseTimeout() throws Exception {
		List<Integer> serverSaw = new CopyOnWriteArrayList<>();
		ManualClock clock = new ManualClock();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			serverSaw.add(RawWebSocketServer.readCloseCode(in));
			in.read();
		})) {
			this.socket = new WebSocket(null, WebSocketOptions.builder().closeTimeout(Duration.ofSeconds(5)).build(),
					clock.sessionClock(SharedExecutors.connector(), 0.5));
			SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, raw.url());
			this.socket.disconnectFromHost();
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closing);
			await().until(() -> clock.pending() == 1);
			clock.advance(Duration.ofSeconds(5).minusNanos(1));
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closing);
			clock.advance(Duration.ofNanos(1));
			assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Closed);
			recorder.awaitSignal("disconnected");
			assertThat(serverSaw).containsExactly(1000);
			assertThat(this.socket.getCloseCode()).as("no close frame came back").isEqualTo(1006);
		}
	}

	@Test
	void disconnectReportsTheCloseCodeTheServerAnsweredWith() throws Exception {
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			RawWebSocketServer.readCloseCode(in);
			RawWebSocketServer.writeFrame(out, 8, new byte[] { 0x0F, (byte) 0xA1, 'o', 'k' });
			in.read();
		})) {
			SignalRecorder recorder = connect(WebSocketOptions.defaults(), raw.url());
			this.socket.disconnectFromHost();
			recorder.awaitSignal("disconnected");
			assertThat(this.socket.getCloseCode()).isEqualTo(4001);
			assertThat(this.socket.getCloseReason()).isEqualTo("ok");
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void spin(long nanos) {
		long end = System.nanoTime() + nanos;
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

}
