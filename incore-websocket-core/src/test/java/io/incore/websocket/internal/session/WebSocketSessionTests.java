package io.incore.websocket.internal.session;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.incore.websocket.Heartbeat;
import io.incore.websocket.IpSocketError;
import io.incore.websocket.ReconnectGaveUp;
import io.incore.websocket.ReconnectPolicy;
import io.incore.websocket.ReconnectScheduled;
import io.incore.websocket.SendBuffer;
import io.incore.websocket.WebSocket.State;
import io.incore.websocket.WebSocketOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's state machine, backoff and heartbeat on a clock the test moves: no socket, no waiting, and every
 * delay checked to the nanosecond.
 */
class WebSocketSessionTests {

	private static final ReconnectPolicy DOUBLING = new ReconnectPolicy(Duration.ofMillis(100), 2.0,
			Duration.ofMillis(800), 0, 0, Duration.ofSeconds(30));

	private final ManualClock clock = new ManualClock();

	private final RecordingHost host = new RecordingHost();

	private final FakeConnector connector = new FakeConnector();

	private WebSocketSession session(WebSocketOptions options) {
		return new WebSocketSession(this.host, options, this.connector, this.clock.sessionClock(Runnable::run, 0.5));
	}

	@Test
	void reconnectsAfterEachFailureWithTheDelaysOfItsPolicyAndNotBefore() {
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		for (long delay : new long[] { 100, 200, 400, 800, 800 }) {
			int attempts = this.connector.connections.size();
			this.connector.last().listener.failed(new java.net.ConnectException("refused"));
			assertThat(this.host.state).isEqualTo(State.Closed);
			this.clock.advance(Duration.ofMillis(delay).minusNanos(1));
			assertThat(this.connector.connections).as("not before %d ms", delay).hasSize(attempts);
			this.clock.advance(Duration.ofNanos(1));
			assertThat(this.connector.connections).as("at %d ms", delay).hasSize(attempts + 1);
		}
		assertThat(session.reconnectAttempts()).isEqualTo(5);
		assertThat(this.connector.released).isEqualTo(5);
	}

	@Test
	void aConnectionThatStayedOpenLongEnoughResetsTheBackoff() {
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		this.connector.last().listener.failed(new java.net.ConnectException("refused"));
		this.clock.advance(Duration.ofMillis(100));
		this.connector.last().open();
		this.clock.advance(Duration.ofSeconds(30));
		this.connector.last().listener.closed(1006, "");
		assertThat(this.host.errors).contains(IpSocketError.RemoteHostClosedError);
		this.clock.advance(Duration.ofMillis(99));
		assertThat(this.connector.connections).hasSize(2);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.connector.connections).as("the first delay again").hasSize(3);
		assertThat(session.reconnectAttempts()).isEqualTo(1);
	}

	@Test
	void givesUpAfterMaxAttemptsWithNoTimerLeft() {
		ReconnectPolicy twice = new ReconnectPolicy(Duration.ofMillis(50), 1.0, Duration.ofMillis(50), 0, 2,
				Duration.ofSeconds(30));
		session(WebSocketOptions.builder().reconnect(twice).build()).connect();
		for (int i = 0; i < 3; i++) {
			this.connector.last().listener.failed(new java.net.ConnectException("refused"));
			this.clock.advance(Duration.ofMillis(50));
		}
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.connector.connections).as("the first and two reconnects").hasSize(3);
		assertThat(this.clock.pending()).isZero();
		assertThat(this.host.events).filteredOn((event) -> event.startsWith("reconnect:") || event.startsWith("gaveUp"))
			.containsExactly("reconnect:1:50:refused", "reconnect:2:50:refused", "gaveUp:2");
		assertThat(this.host.events.get(this.host.events.size() - 1)).as("after disconnected()").isEqualTo("gaveUp:2");
	}

	@Test
	void aCloseCodeThatARetryWillNotFixStopsReconnectingAndSaysWhy() {
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		this.connector.last().open().listener.closed(1008, "banned");
		assertThat(this.host.events).endsWith("disconnected", "gaveUp:0");
		assertThat(this.clock.pending()).as("no reconnect scheduled").isZero();
		assertThat(session.gaveUpReason())
			.contains("gave up: closed with 1008 policy violation (banned), which a reconnect will not fix");
		session.connect();
		assertThat(session.gaveUpReason()).isEmpty();
		assertThat(this.connector.connections).hasSize(2);
	}

	@Test
	void closeCodesOutsideThePolicysStopListAreReconnected() {
		ReconnectPolicy retryOn1008 = new ReconnectPolicy(Duration.ofMillis(100), 2.0, Duration.ofMillis(800), 0, 0,
				Duration.ofSeconds(30), Set.of(4001));
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(retryOn1008).build());
		session.connect();
		this.connector.last().open().listener.closed(1008, "");
		this.clock.advance(Duration.ofMillis(100));
		this.connector.last().open().listener.closed(4001, "go away for good");
		assertThat(this.connector.connections).hasSize(2);
		assertThat(this.clock.pending()).isZero();
		assertThat(session.gaveUpReason()).hasValueSatisfying((reason) -> assertThat(reason).contains("4001"));
	}

	@Test
	void aReconnectIsAnnouncedWithItsNumberDelayAndTheCloseThatCausedIt() {
		session(WebSocketOptions.builder().reconnect(DOUBLING).build()).connect();
		this.connector.last().open().listener.closed(1011, "overloaded");
		assertThat(this.host.events).endsWith("disconnected", "reconnect:1:100:closed with 1011 overloaded");
	}

	@Test
	void withoutAutoConnectOrAfterADisconnectNoReconnectIsScheduled() {
		this.host.autoConnect = false;
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		this.connector.last().listener.failed(new java.net.ConnectException("refused"));
		assertThat(this.clock.pending()).isZero();

		this.host.autoConnect = true;
		session.connect();
		this.connector.last().listener.failed(new java.net.ConnectException("refused"));
		assertThat(this.clock.pending()).isOne();
		session.disconnect(1000, "");
		assertThat(this.clock.pending()).as("the pending reconnect was cancelled").isZero();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.connector.connections).hasSize(2);
	}

	@Test
	void anInvalidUrlIsReportedAndNeverRetried() {
		this.host.url = "http://example.org";
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.connector.connections).isEmpty();
		assertThat(this.host.errors).containsExactly(IpSocketError.UnsupportedSocketOperationError);
		assertThat(session.isConnectionWanted()).isTrue();
	}

	@Test
	void theHeartbeatPingsEveryIntervalAndMeasuresTheRoundTripOnTheClock() {
		WebSocketSession session = session(WebSocketOptions.builder()
			.heartbeat(new Heartbeat(Duration.ofMillis(200), Duration.ofMillis(300)))
			.build());
		session.connect();
		FakeConnection connection = this.connector.last().open();
		this.clock.advance(Duration.ofMillis(200));
		assertThat(connection.pings).hasSize(1);
		this.clock.advance(Duration.ofMillis(7));
		connection.listener.pongReceived(connection.pings.get(0));
		assertThat(session.lastRoundTripTime()).contains(Duration.ofMillis(7));
		this.clock.advance(Duration.ofMillis(193));
		assertThat(connection.pings).as("one interval after the first").hasSize(2);
		connection.listener.pongReceived(connection.pings.get(1));
		connection.answerPings = true;
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.host.state).isEqualTo(State.Open);
		assertThat(connection.pings).hasSize(2 + 50);
	}

	@Test
	void aServerThatStopsAnsweringPingsIsDeclaredDeadAtTheTimeoutAndDropped() {
		WebSocketSession session = session(WebSocketOptions.builder()
			.heartbeat(new Heartbeat(Duration.ofMillis(200), Duration.ofMillis(300)))
			.reconnect(DOUBLING)
			.build());
		session.connect();
		FakeConnection connection = this.connector.last().open();
		this.clock.advance(Duration.ofMillis(200 + 300).minusNanos(1));
		assertThat(this.host.state).isEqualTo(State.Open);
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.host.errors).containsExactly(IpSocketError.SocketTimeoutError);
		assertThat(this.host.state).isEqualTo(State.Closed);
		assertThat(connection.calls).containsExactly("terminate:1001");
		assertThat(session.closeCode()).isEqualTo(1006);
		assertThat(this.clock.pending()).as("only the reconnect").isOne();
	}

	@Test
	void withMaxMissedTheConnectionSurvivesThatManyMissingPongsLessOne() {
		WebSocketSession session = session(WebSocketOptions.builder()
			.heartbeat(new Heartbeat(Duration.ofMillis(200), Duration.ofMillis(300), 3))
			.reconnect(DOUBLING)
			.build());
		session.connect();
		FakeConnection connection = this.connector.last().open();
		this.clock.advance(Duration.ofMillis(800));
		assertThat(connection.pings).hasSize(4);
		assertThat(this.host.state).as("the pongs of the pings at 200 and 400 ms missing").isEqualTo(State.Open);
		connection.listener.pongReceived(connection.pings.get(3));
		assertThat(this.host.events).contains("rtt:0");
		this.clock.advance(Duration.ofMillis(800));
		assertThat(this.host.state).as("the pong started the count again").isEqualTo(State.Open);
		this.clock.advance(Duration.ofMillis(100).minusNanos(1));
		assertThat(this.host.state).isEqualTo(State.Open);
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.host.state).as("the pongs of the pings at 1000, 1200 and 1400 ms missing")
			.isEqualTo(State.Closed);
		assertThat(this.host.errors).containsExactly(IpSocketError.SocketTimeoutError);
	}

	@Test
	void noTimerOutlivesAClosedConnection() {
		WebSocketSession session = session(WebSocketOptions.builder()
			.heartbeat(new Heartbeat(Duration.ofMillis(200), Duration.ofMillis(300)))
			.build());
		session.connect();
		FakeConnection connection = this.connector.last().open();
		this.clock.advance(Duration.ofMillis(250));
		assertThat(this.clock.pending()).as("the next ping and the pong check").isEqualTo(2);
		session.disconnect(1000, "");
		assertThat(connection.calls).containsExactly("close:1000");
		connection.listener.closed(1000, "");
		assertThat(this.host.state).isEqualTo(State.Closed);
		assertThat(this.clock.pending()).isZero();
	}

	@Test
	void theServersCloseFrameIsAnsweredOnlyAfterTheMessagesBeforeItWereDelivered() {
		WebSocketSession session = session(WebSocketOptions.defaults());
		session.connect();
		FakeConnection connection = this.connector.last().open();
		this.host.holdDeliveries = true;
		connection.listener.textReceived("last", 4);
		connection.listener.closeReceived(1001, "bye");
		assertThat(connection.calls).as("not before the listeners ran").isEmpty();
		this.host.runHeldDeliveries();
		assertThat(this.host.events).containsSubsequence("text:last", "task");
		assertThat(connection.calls).containsExactly("answerClose");
		connection.listener.closed(1001, "bye");
		assertThat(session.closeCode()).isEqualTo(1001);
		assertThat(this.host.errors).isEmpty();
	}

	@Test
	void aViolationIsReportedAtOnceAndFailsTheConnectionAfterTheMessagesBeforeIt() {
		WebSocketSession session = session(WebSocketOptions.defaults());
		session.connect();
		FakeConnection connection = this.connector.last().open();
		this.host.holdDeliveries = true;
		connection.listener.textReceived("last", 4);
		connection.listener.protocolViolated(1009, "The server sent a message of 9 bytes");
		assertThat(this.host.errors).containsExactly(IpSocketError.DatagramTooLargeError);
		assertThat(connection.calls).isEmpty();
		this.host.runHeldDeliveries();
		assertThat(connection.calls).containsExactly("fail");
		connection.listener.closed(1009, "");
		assertThat(this.host.errors).as("no second error for the end").hasSize(1);
		assertThat(session.closeCode()).isEqualTo(1009);
	}

	private static WebSocketOptions buffered(int maxMessages, long maxBytes, SendBuffer.Overflow overflow) {
		return WebSocketOptions.builder()
			.reconnect(DOUBLING)
			.sendBuffer(new SendBuffer(maxMessages, maxBytes, overflow))
			.build();
	}

	@Test
	void messagesSentWhileReconnectingLeaveInOrderAfterTheConnectMessagesAndBeforeLaterOnes() {
		this.host.connectMessages = List.of("subscribe:a", "subscribe:b");
		WebSocketSession session = session(buffered(10, 1024, SendBuffer.Overflow.REJECT));
		session.connect();
		assertThat(session.sendText("while connecting")).isEqualTo("while connecting".length());
		FakeConnection first = this.connector.last().open();
		assertThat(first.calls).containsExactly("text:subscribe:a", "text:subscribe:b", "text:while connecting");
		first.listener.closed(1006, "");
		assertThat(session.sendText("héllo")).as("UTF-8 bytes").isEqualTo(6);
		assertThat(session.sendBinary(new byte[3])).isEqualTo(3);
		assertThat(session.sendBufferDepth()).isEqualTo(2);
		this.clock.advance(Duration.ofMillis(100));
		FakeConnection second = this.connector.last().open();
		session.sendText("after");
		assertThat(second.calls).containsExactly("text:subscribe:a", "text:subscribe:b", "text:héllo", "binary",
				"text:after");
		assertThat(session.sendBufferDepth()).isZero();
		assertThat(this.host.events).doesNotContain("notOpen");
		assertThat(session.statistics().textMessagesSent()).isEqualTo(7);
	}

	@Test
	void aFullBufferRejectsAsAClosedSocketDoes() {
		WebSocketSession session = session(buffered(2, 1024, SendBuffer.Overflow.REJECT));
		session.connect();
		assertThat(session.sendText("1")).isOne();
		assertThat(session.sendText("2")).isOne();
		assertThat(session.sendText("3")).isEqualTo(-1);
		assertThat(session.sendText("x".repeat(2000))).as("larger than the buffer").isEqualTo(-1);
		assertThat(this.host.events).containsOnlyOnce("state:Connecting").filteredOn("notOpen"::equals).hasSize(2);
		assertThat(session.statistics().sendRejections()).isEqualTo(2);
		this.connector.last().open();
		assertThat(this.connector.last().calls).containsExactly("text:1", "text:2");
	}

	@Test
	void dropOldestMakesRoomByBytesAndCountsWhatItDropped() {
		WebSocketSession session = session(buffered(10, 4, SendBuffer.Overflow.DROP_OLDEST));
		session.connect();
		session.sendText("ab");
		session.sendText("cd");
		assertThat(session.sendText("efg")).isEqualTo(3);
		assertThat(session.statistics().sendBufferDropped()).isEqualTo(2);
		this.connector.last().open();
		assertThat(this.connector.last().calls).containsExactly("text:efg");
	}

	@Test
	void nothingIsBufferedOnceTheConnectionIsNoLongerWanted() {
		WebSocketSession session = session(buffered(10, 1024, SendBuffer.Overflow.REJECT));
		session.connect();
		session.sendText("lost");
		session.disconnect(1000, "");
		assertThat(session.statistics().sendBufferDropped()).isOne();
		assertThat(session.sendText("refused")).isEqualTo(-1);
		assertThat(session.sendBufferDepth()).isZero();
		session.connect();
		this.connector.last().open();
		assertThat(this.connector.last().calls).isEmpty();
	}

	@Test
	void aSessionThatGaveUpReconnectingDropsWhatWasBuffered() {
		ReconnectPolicy once = new ReconnectPolicy(Duration.ofMillis(100), 1.0, Duration.ofMillis(100), 0, 1,
				Duration.ofSeconds(30));
		WebSocketSession session = session(WebSocketOptions.builder()
			.reconnect(once)
			.sendBuffer(new SendBuffer(10, 1024, SendBuffer.Overflow.REJECT))
			.build());
		session.connect();
		this.connector.last().listener.failed(new java.net.ConnectException("refused"));
		assertThat(session.sendText("buffered")).isEqualTo(8);
		this.clock.advance(Duration.ofMillis(100));
		this.connector.last().listener.failed(new java.net.ConnectException("refused"));
		assertThat(session.sendBufferDepth()).isZero();
		assertThat(session.statistics().sendBufferDropped()).isOne();
		assertThat(session.sendText("refused")).isEqualTo(-1);
	}

	@Test
	void withoutABufferASendWhileNotOpenIsRefused() {
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		assertThat(session.sendText("x")).isEqualTo(-1);
		assertThat(this.host.events).contains("notOpen");
	}

	@Test
	void connectMessagesAreSentOnEveryConnectionWithoutABuffer() {
		this.host.connectMessages = List.of("login");
		WebSocketSession session = session(WebSocketOptions.builder().reconnect(DOUBLING).build());
		session.connect();
		FakeConnection first = this.connector.last().open();
		first.listener.closed(1006, "");
		this.clock.advance(Duration.ofMillis(100));
		FakeConnection second = this.connector.last().open();
		assertThat(first.calls).containsExactly("text:login");
		assertThat(second.calls).containsExactly("text:login");
	}

	/**
	 * A host that records what the session tells it; deliveries run at once unless held.
	 */
	private static final class RecordingHost implements WebSocketSession.Host {

		final Object lock = new Object();

		final List<String> events = new ArrayList<>();

		final List<IpSocketError> errors = new ArrayList<>();

		final List<Runnable> held = new ArrayList<>();

		String url = "ws://127.0.0.1:1/x";

		List<String> connectMessages = List.of();

		boolean autoConnect = true;

		boolean holdDeliveries;

		State state = State.Closed;

		void runHeldDeliveries() {
			List<Runnable> tasks = new ArrayList<>(this.held);
			this.held.clear();
			tasks.forEach(Runnable::run);
		}

		@Override
		public Object lock() {
			return this.lock;
		}

		@Override
		public String url() {
			return this.url;
		}

		@Override
		public String subProtocol() {
			return "";
		}

		@Override
		public boolean isAutoConnect() {
			return this.autoConnect;
		}

		@Override
		public boolean isDeviceOpen() {
			return false;
		}

		@Override
		public boolean isCompleted() {
			return true;
		}

		@Override
		public void stateChanged(State newState) {
			this.state = newState;
			this.events.add("state:" + newState);
		}

		@Override
		public void connected() {
			this.events.add("connected");
		}

		@Override
		public void disconnected() {
			this.events.add("disconnected");
		}

		@Override
		public void failed(Failure failure) {
			this.errors.add(failure.socketError());
			this.events.add("error:" + failure.socketError());
		}

		@Override
		public void notOpen(State current) {
			this.events.add("notOpen");
		}

		@Override
		public void reconnectScheduled(ReconnectScheduled scheduled) {
			this.events.add("reconnect:" + scheduled.attempt() + ":" + scheduled.delay().toMillis() + ":"
					+ scheduled.cause());
		}

		@Override
		public void reconnectGaveUp(ReconnectGaveUp gaveUp) {
			this.events.add("gaveUp:" + gaveUp.attempts());
		}

		@Override
		public void pongReceived(byte[] payload, Runnable afterDelivery) {
			this.events.add("pong");
			afterDelivery.run();
		}

		@Override
		public void roundTripMeasured(Duration roundTrip) {
			this.events.add("rtt:" + roundTrip.toMillis());
		}

		@Override
		public List<String> connectMessages() {
			return this.connectMessages;
		}

		@Override
		public void textReceived(String message, Runnable afterDelivery) {
			this.events.add("text:" + message);
			afterDelivery.run();
		}

		@Override
		public void binaryReceived(byte[] message, Runnable afterDelivery) {
			this.events.add("binary");
			afterDelivery.run();
		}

		@Override
		public void deliver(Runnable emission, boolean inline) {
			run(emission);
		}

		@Override
		public void afterDelivered(Runnable task) {
			run(() -> {
				this.events.add("task");
				task.run();
			});
		}

		private void run(Runnable task) {
			if (this.holdDeliveries) {
				this.held.add(task);
			}
			else {
				task.run();
			}
		}

		@Override
		public String describe() {
			return "test";
		}

	}

	private static final class FakeConnector implements Connector {

		final List<FakeConnection> connections = new ArrayList<>();

		int released;

		FakeConnection last() {
			return this.connections.get(this.connections.size() - 1);
		}

		@Override
		public Connection connect(URI uri, List<String> subProtocols, int reconnectAttempt, ReadGate gate,
				ConnectionListener listener) {
			FakeConnection connection = new FakeConnection(listener);
			this.connections.add(connection);
			return connection;
		}

		@Override
		public void release() {
			this.released++;
		}

		@Override
		public Failure classify(Throwable failure, URI uri) {
			return Failure.socket(IpSocketError.ConnectionRefusedError, failure.getMessage());
		}

		@Override
		public boolean mayWait() {
			return true;
		}

	}

	private static final class FakeConnection implements Connection {

		final ConnectionListener listener;

		final List<String> calls = new ArrayList<>();

		final List<byte[]> pings = new ArrayList<>();

		boolean answerPings;

		FakeConnection(ConnectionListener listener) {
			this.listener = listener;
		}

		FakeConnection open() {
			this.listener.opened(this, "");
			return this;
		}

		@Override
		public int sendText(String message) {
			this.calls.add("text:" + message);
			return message.length();
		}

		@Override
		public void sendBinary(byte[] message) {
			this.calls.add("binary");
		}

		@Override
		public URI uri() {
			return null;
		}

		@Override
		public List<String> extensions() {
			return List.of();
		}

		@Override
		public void sendPong(byte[] payload) {
			this.calls.add("pong");
		}

		@Override
		public void sendPing(byte[] payload) {
			this.pings.add(ByteBuffer.allocate(payload.length).put(payload).array());
			if (this.answerPings) {
				this.listener.pongReceived(payload);
			}
		}

		@Override
		public void close(int code, String reason) {
			this.calls.add("close:" + code);
		}

		@Override
		public void answerClose() {
			this.calls.add("answerClose");
		}

		@Override
		public void fail() {
			this.calls.add("fail");
		}

		@Override
		public void terminate(int code, String reason) {
			this.calls.add("terminate:" + code);
		}

		@Override
		public void abandon() {
			this.calls.add("abandon");
		}

	}

}
