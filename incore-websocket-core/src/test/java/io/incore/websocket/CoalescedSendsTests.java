package io.incore.websocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Small messages sent back to back, which {@link WebSocketOptions#coalesceSends()} lets leave together, against a
 * server on plain sockets that records every frame it reads, over {@code ws://} and over {@code wss://} (a TLS
 * proxy with a certificate generated for the test in front of it): each arrives once and in order, mixed with
 * larger ones that are never held, and all of them before the close frame that follows them at once. A server that stops reading holds the sender up, held messages or not. The
 * batching rules themselves are in {@link OutgoingFramesTests}.
 */
class CoalescedSendsTests {

	private static final int MESSAGES = 3000;

	private static final TestCertificates LOCALHOST = TestCertificates.generate("localhost", "127.0.0.1");

	private final List<String> serverSaw = new CopyOnWriteArrayList<>();

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@ParameterizedTest(name = "coalesceSends={0}, tls={1}")
	@CsvSource({ "true, false", "false, false", "true, true", "false, true" })
	void messagesSentBackToBackArriveOnceInOrderAndBeforeTheCloseFrameSentRightAfter(boolean coalesce, boolean tls)
			throws Exception {
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			while (true) {
				RawWebSocketServer.Frame frame = RawWebSocketServer.readFrame(in);
				if (frame.opcode() == 8) {
					this.serverSaw.add("close:" + frame.closeCode());
					RawWebSocketServer.writeFrame(out, 8, frame.payload());
					return;
				}
				this.serverSaw.add(frame.opcode() + ":" + new String(frame.payload(), StandardCharsets.UTF_8));
			}
		});
				TlsProxy proxy = new TlsProxy(LOCALHOST.serverContext(), raw.port())) {
			WebSocketOptions.Builder options = WebSocketOptions.builder().coalesceSends(coalesce);
			if (tls) {
				options.sslContext(LOCALHOST.trustingClientContext());
			}
			this.socket = new WebSocket(null, options.build());
			String url = tls ? "wss://localhost:" + proxy.port() + "/raw" : raw.url();
			SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, url);
			String large = "L".repeat(8 * 1024);
			for (int i = 0; i < MESSAGES; i++) {
				String message = (i % 500 == 250) ? large : Integer.toString(i);
				assertThat(this.socket.sendTextMessage(message)).isEqualTo(message.length());
			}
			this.socket.disconnectFromHost();
			recorder.awaitCount("disconnected", 1);
			await().until(() -> this.serverSaw.size() == MESSAGES + 1);
			List<String> expected = IntStream.range(0, MESSAGES)
				.mapToObj((i) -> "1:" + ((i % 500 == 250) ? large : Integer.toString(i)))
				.collect(java.util.stream.Collectors.toList());
			expected.add("close:1000");
			assertThat(this.serverSaw).containsExactlyElementsOf(expected);
			assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.NoError);
		}
	}

	@ParameterizedTest(name = "coalesceSends={0}")
	@ValueSource(booleans = { true, false })
	void aServerThatStopsReadingHoldsTheSenderUpInsteadOfGrowingAQueue(boolean coalesce) throws Exception {
		CountDownLatch serverMayLeave = new CountDownLatch(1);
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			try {
				serverMayLeave.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		})) {
			this.socket = new WebSocket(null, WebSocketOptions.builder()
				.coalesceSends(coalesce)
				.closeTimeout(Duration.ofMillis(200))
				.build());
			SignalRecorder.connectedTo(this.socket, raw.url());
			AtomicLong sent = new AtomicLong();
			Thread sender = new Thread(() -> {
				String message = "x".repeat(64);
				while (this.socket.sendTextMessage(message) > 0) {
					sent.incrementAndGet();
				}
			}, "test-sender");
			sender.setDaemon(true);
			sender.start();
			await().until(() -> sender.getState() == Thread.State.WAITING);
			AtomicLong lastSeen = new AtomicLong(-1);
			await().alias("no message accepted for a while: the sender waits for a write the server does not take")
				.during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(10))
				.until(() -> lastSeen.getAndSet(sent.get()) == lastSeen.get());
			serverMayLeave.countDown();
			raw.close();
			await().until(() -> !sender.isAlive());
			assertThat(this.socket.getError()).isNotEqualTo(WebSocket.Error.NoError);
		}
	}

}
