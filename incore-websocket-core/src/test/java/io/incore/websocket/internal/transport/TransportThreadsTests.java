package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.InboundLimits;
import io.incore.websocket.TestServerExtension;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.internal.session.Connection;
import io.incore.websocket.internal.session.ConnectionListener;
import io.incore.websocket.internal.session.InboundQueue;
import io.incore.websocket.internal.session.ReadGate;
import io.incore.websocket.internal.session.Timers;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the transport handles a connection, below the event context, observed directly: which thread reads it, and
 * whether its socket sends every frame at once.
 */
class TransportThreadsTests {

	private static final int MESSAGES = 200;

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();

	private TyrusConnection connection;

	@AfterEach
	void close() {
		if (this.connection != null) {
			this.connection.abandon();
		}
		EventLoops.release();
	}

	@Test
	void aGatedConnectionIsReadOnAnEventLoop() {
		List<String> readers = readWith(new InboundQueue(InboundLimits.DEFAULT));
		assertThat(readers).allMatch((name) -> name.startsWith("incore-websocket-netty-"));
	}

	@Test
	void aConnectionWithInlineDeliveryIsReadOnTheInlineGroup() {
		List<String> readers = readWith(null);
		assertThat(readers).allMatch((name) -> name.startsWith("incore-websocket-inline-"));
	}

	@Test
	void framesLeaveAtOnceByDefault() {
		readWith(new InboundQueue(InboundLimits.DEFAULT));
		assertThat(this.connection.tcpNoDelay()).isTrue();
	}

	@Test
	void withTcpNoDelayOffSmallFramesMayWaitAndAllStillArrive() {
		List<String> readers = readWith(new InboundQueue(InboundLimits.DEFAULT),
				WebSocketOptions.builder().tcpNoDelay(false).build());
		assertThat(this.connection.tcpNoDelay()).isFalse();
		assertThat(readers).hasSize(MESSAGES);
	}

	private List<String> readWith(ReadGate gate) {
		return readWith(gate, WebSocketOptions.defaults());
	}

	/**
	 * Connects, sends {@link #MESSAGES} texts and returns the names of the threads that received their echoes.
	 */
	private List<String> readWith(ReadGate gate, WebSocketOptions options) {
		List<String> readers = new CopyOnWriteArrayList<>();
		this.connection = new TyrusConnector(options, Timers.on(SharedExecutors.scheduler()))
			.connect(URI.create(server.url("/echo")), List.of(), 0, gate, new RecordingListener(readers));
		await().atMost(Duration.ofSeconds(30)).until(() -> readers.size() == MESSAGES);
		return readers;
	}

	private static final class RecordingListener implements ConnectionListener {

		private final List<String> readers;

		RecordingListener(List<String> readers) {
			this.readers = readers;
		}

		@Override
		public void opened(Connection connection, String negotiatedSubProtocol) {
			new Thread(() -> {
				for (int i = 0; i < MESSAGES; i++) {
					sendQuietly(connection, Integer.toString(i));
				}
			}).start();
		}

		private static void sendQuietly(Connection connection, String text) {
			try {
				connection.sendText(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void textReceived(String message, long encodedLength) {
			this.readers.add(Thread.currentThread().getName());
		}

		@Override
		public void binaryReceived(byte[] message) {
		}

		@Override
		public void pongReceived(byte[] payload) {
		}

		@Override
		public void closed(int code, String reason) {
		}

		@Override
		public void failed(Throwable failure) {
		}

		@Override
		public void closeReceived(int code, String reason) {
		}

		@Override
		public void protocolViolated(int closeCode, String description) {
		}

	}

}
