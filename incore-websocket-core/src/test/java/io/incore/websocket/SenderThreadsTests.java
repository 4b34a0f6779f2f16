package io.incore.websocket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends from application threads, which on a plain connection write to the socket themselves when nothing else is
 * waiting: the order of each thread's messages holds with several threads and messages too large for the socket
 * to take at once, and a thread whose interrupt is set neither loses its message nor the connection.
 */
class SenderThreadsTests {

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();

	private WebSocket socket;

	@AfterEach
	void closeSocket() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	@Test
	void eachThreadsMessagesArriveInOrderWhateverTheirSize() throws Exception {
		int threads = 4;
		int messages = 300;
		this.socket = new WebSocket(null, WebSocketOptions.defaults());
		Map<String, List<Integer>> received = new ConcurrentHashMap<>();
		CountDownLatch all = new CountDownLatch(threads * messages);
		this.socket.textMessageReceived.connect((text) -> {
			String[] parts = text.substring(0, text.indexOf(';')).split(":");
			received.computeIfAbsent(parts[0], (name) -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
			all.countDown();
		});
		SignalRecorder.connectedTo(this.socket, server.url("/echo"));
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			String name = "sender" + t;
			Thread sender = new Thread(() -> {
				for (int i = 0; i < messages; i++) {
					int padding = (i % 50 == 0) ? 300_000 : (i % 7) * 100;
					this.socket.sendTextMessage(name + ":" + i + ";" + "p".repeat(padding));
				}
			});
			senders.add(sender);
			sender.start();
		}
		for (Thread sender : senders) {
			sender.join(TimeUnit.SECONDS.toMillis(30));
		}
		assertThat(all.await(30, TimeUnit.SECONDS)).as("every echo arrived").isTrue();
		for (int t = 0; t < threads; t++) {
			assertThat(received.get("sender" + t)).as("sender" + t).isSorted().hasSize(messages);
		}
		assertThat(this.socket.getState()).isEqualTo(WebSocket.State.Open);
	}

	/**
	 * A server that does not read lets the socket fill: a direct write is cut short, its rest and every later frame
	 * wait for the event loop, and the sender is held up. Once the server reads, every frame arrives whole and in
	 * order.
	 */
	@Test
	void framesTheSocketCannotTakeAtOnceFollowInOrderOnceTheServerReads() throws Exception {
		int messages = 24;
		String body = "x".repeat(512 * 1024);
		CountDownLatch serverMayRead = new CountDownLatch(1);
		BlockingQueue<String> prefixes = new LinkedBlockingQueue<>();
		try (RawWebSocketServer raw = new RawWebSocketServer(0, (in, out) -> {
			try {
				serverMayRead.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			for (int i = 0; i < messages; i++) {
				RawWebSocketServer.Frame frame = RawWebSocketServer.readFrame(in);
				prefixes.add(new String(frame.payload(), 0, 9, StandardCharsets.US_ASCII) + frame.payload().length);
			}
		})) {
			this.socket = new WebSocket(null, WebSocketOptions.defaults());
			SignalRecorder.connectedTo(this.socket, raw.url());
			Thread sender = new Thread(() -> {
				for (int i = 0; i < messages; i++) {
					this.socket.sendTextMessage(String.format("%08d;", i) + body);
				}
			});
			sender.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> sender.getState() == Thread.State.WAITING
					|| sender.getState() == Thread.State.TIMED_WAITING);
			serverMayRead.countDown();
			sender.join(TimeUnit.SECONDS.toMillis(30));
			for (int i = 0; i < messages; i++) {
				assertThat(prefixes.poll(10, TimeUnit.SECONDS)).isEqualTo(String.format("%08d;", i) + (body.length() + 9));
			}
		}
	}

	@Test
	void aSenderWhoseInterruptIsSetKeepsItsMessageAndTheConnection() throws Exception {
		this.socket = new WebSocket(null, WebSocketOptions.defaults());
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		this.socket.textMessageReceived.connect(echoes::add);
		SignalRecorder recorder = SignalRecorder.connectedTo(this.socket, server.url("/echo"));
		Thread.currentThread().interrupt();
		try {
			assertThat(this.socket.sendTextMessage("sent while interrupted")).isPositive();
		}
		finally {
			assertThat(Thread.interrupted()).as("the interrupt stays set for the application").isTrue();
		}
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("sent while interrupted");
		this.socket.sendTextMessage("and after it");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("and after it");
		assertThat(recorder.names()).doesNotContain("disconnected", "errorOccurred");
	}

}
