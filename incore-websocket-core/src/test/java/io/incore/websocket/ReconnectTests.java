package io.incore.websocket;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code autoConnect} against a real server that goes away and comes back. The connections are real; the
 * reconnect delays run on a clock the test advances, so each attempt happens exactly when its delay has passed,
 * and never before (the backoff arithmetic itself is {@code WebSocketSessionTests}').
 */
class ReconnectTests {

	/** Jitter ±20 %, drawn as 0.5, which makes it exactly 0. */
	private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), 2.0,
			Duration.ofMillis(800), 0.2, 0, Duration.ofSeconds(30));

	private final ManualClock clock = new ManualClock();

	private TestServer server;

	private WebSocket socket;

	@AfterEach
	void cleanUp() {
		if (this.socket != null) {
			this.socket.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	private WebSocket socket(ReconnectPolicy policy, String url) {
		this.socket = new WebSocket(null, WebSocketOptions.builder().reconnect(policy).build(),
				this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket.setUrl(url);
		return this.socket;
	}

	private long attempts() {
		return this.socket.getStatistics().connectAttempts();
	}

	@Test
	void reconnectsAfterEachDelayOfItsPolicyAndResumesWhenTheServerReturns() throws InterruptedException {
		this.server = TestServer.start();
		int port = this.server.port();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");

		this.server.close();
		recorder.awaitSignal("disconnected");
		long refusals = 0;
		for (long delay : new long[] { 100, 200, 400, 800, 800 }) {
			long before = attempts();
			this.clock.advance(Duration.ofMillis(delay).minusNanos(1));
			assertThat(attempts()).as("no attempt before %d ms", delay).isEqualTo(before);
			this.clock.advance(Duration.ofNanos(1));
			assertThat(attempts()).as("an attempt at %d ms", delay).isEqualTo(before + 1);
			recorder.awaitCount("disconnected", 2 + refusals++);
		}
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsOnly(IpSocketError.RemoteHostClosedError,
				IpSocketError.ConnectionRefusedError);
		assertThat(socket.getReconnectAttempts()).as("five made, the sixth scheduled").isEqualTo(6);

		this.server = TestServer.start(port);
		this.clock.advance(Duration.ofMillis(800));
		recorder.awaitCount("connected", 2);
		BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
		socket.textMessageReceived.connect(echoes::add);
		socket.sendTextMessage("back again");
		assertThat(echoes.poll(10, TimeUnit.SECONDS)).isEqualTo("back again");
	}

	@Test
	void noAttemptIsMadeWithAutoConnectOff() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		recorder.awaitSignal("connected");
		this.server.close();
		recorder.awaitSignal("disconnected");
		this.clock.advance(Duration.ofHours(1));
		assertThat(attempts()).isOne();
		assertThat(socket.getReconnectAttempts()).isZero();
	}

	@Test
	void maxAttemptsIsHonoured() throws IOException {
		ReconnectPolicy threeAttempts = new ReconnectPolicy(Duration.ofMillis(50), 1.0, Duration.ofMillis(50), 0, 3,
				Duration.ofSeconds(30));
		WebSocket socket = socket(threeAttempts, "ws://127.0.0.1:" + freePort() + "/echo");
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		for (int failures = 1; failures <= 4; failures++) {
			recorder.awaitCount("disconnected", failures);
			this.clock.advance(Duration.ofMillis(50));
		}
		this.clock.advance(Duration.ofHours(1));
		assertThat(attempts()).as("the first attempt and three reconnects").isEqualTo(4);
		assertThat(recorder.count("errorOccurred")).isEqualTo(4);
		assertThat(socket.getReconnectAttempts()).isEqualTo(3);
	}

	@Test
	void aConfigurationErrorIsNotRetriedUntilTheUrlChanges() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, "http://127.0.0.1:" + this.server.port() + "/echo");
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("errorOccurred");
		this.clock.advance(Duration.ofHours(1));
		assertThat(attempts()).isZero();
		assertThat(recorder.names()).doesNotContain("stateChanged");
		socket.setUrl(this.server.url("/echo"));
		recorder.awaitSignal("connected");
	}

	@Test
	void aServerThatClosesWithPolicyViolationIsNotReconnectedButA1011Is() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");
		socket.sendTextMessage("close:1011:overloaded");
		recorder.awaitSignal("reconnectScheduled");
		this.clock.advance(FAST.initialDelay());
		recorder.awaitCount("connected", 2);

		socket.sendTextMessage("close:1008:banned");
		recorder.awaitSignal("reconnectGaveUp");
		assertThat(((ReconnectGaveUp) recorder.argumentsOf("reconnectGaveUp").get(0)).reason())
			.as("carried by the signal, as it was when it stopped")
			.contains("1008 policy violation");
		this.clock.advance(Duration.ofHours(1));
		assertThat(attempts()).isEqualTo(2);
		assertThat(socket.getGaveUpReason())
			.contains("gave up: closed with 1008 policy violation (banned), which a reconnect will not fix");
		socket.connectToHost();
		recorder.awaitCount("connected", 3);
		assertThat(socket.getGaveUpReason()).isEmpty();
	}

	@Test
	void anUpgradeRefusedWith401IsNotRetriedAndSaysWhy() throws IOException {
		try (HeadAnsweringServer server = new HeadAnsweringServer(
				"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Length: 0\r\n\r\n")) {
			WebSocket socket = socket(FAST, server.url());
			SignalRecorder recorder = new SignalRecorder(socket);
			socket.complete();
			recorder.awaitSignal("reconnectGaveUp");
			this.clock.advance(Duration.ofHours(1));
			assertThat(server.handshakes()).isOne();
			assertThat(socket.getHandshakeStatus()).isEqualTo(401);
			assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.ConnectionRefusedError);
			assertThat(socket.getErrorString()).contains("HTTP 401 Unauthorized");
			assertThat(socket.getGaveUpReason()).hasValueSatisfying((reason) -> assertThat(reason).contains("HTTP 401"));
		}
	}

	@Test
	void a503WithRetryAfterSetsTheNextDelayAndA429IsRetried() throws IOException {
		ReconnectPolicy patient = new ReconnectPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 0.2, 0,
				Duration.ofSeconds(30));
		try (HeadAnsweringServer server = new HeadAnsweringServer(
				"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\nContent-Length: 0\r\n\r\n")) {
			WebSocket socket = socket(patient, server.url());
			SignalRecorder recorder = new SignalRecorder(socket);
			socket.complete();
			recorder.awaitSignal("reconnectScheduled");
			assertThat(((ReconnectScheduled) recorder.argumentsOf("reconnectScheduled").get(0)).delay())
				.isEqualTo(Duration.ofSeconds(3));
			this.clock.advance(Duration.ofSeconds(3).minusNanos(1));
			assertThat(server.handshakes()).isOne();
			this.clock.advance(Duration.ofNanos(1));
			recorder.awaitCount("reconnectScheduled", 2);
			assertThat(server.handshakes()).isEqualTo(2);
			assertThat(socket.getHandshakeStatus()).isEqualTo(503);
			socket.close();
		}
		try (HeadAnsweringServer server = new HeadAnsweringServer(
				"HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\n\r\n")) {
			WebSocket socket = socket(FAST, server.url());
			SignalRecorder recorder = new SignalRecorder(socket);
			socket.complete();
			recorder.awaitSignal("reconnectScheduled");
			assertThat(socket.getGaveUpReason()).isEmpty();
		}
	}

	@Test
	void aHeadersProviderIsAskedBeforeEveryAttemptAndTheServerSeesEachToken() throws InterruptedException {
		this.server = TestServer.start();
		int port = this.server.port();
		AtomicInteger tokens = new AtomicInteger();
		List<Integer> attemptsAsked = new CopyOnWriteArrayList<>();
		this.socket = new WebSocket(null, WebSocketOptions.builder()
			.reconnect(FAST)
			.header("X-Static", "1")
			.headersProvider((uri, attempt) -> {
				attemptsAsked.add(attempt);
				return Map.of("Authorization", "Bearer token-" + tokens.incrementAndGet());
			})
			.build(), this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket.setUrl(this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(this.socket);
		TestServer.handshakeHeaders.clear();
		this.socket.complete();
		recorder.awaitSignal("connected");
		Map<String, List<String>> first = TestServer.handshakeHeaders.poll(10, TimeUnit.SECONDS);
		assertThat(first.get("Authorization")).containsExactly("Bearer token-1");
		assertThat(first.get("X-Static")).containsExactly("1");

		this.server.close();
		recorder.awaitSignal("disconnected");
		this.server = TestServer.start(port);
		this.clock.advance(FAST.initialDelay());
		recorder.awaitCount("connected", 2);
		Map<String, List<String>> second = TestServer.handshakeHeaders.poll(10, TimeUnit.SECONDS);
		assertThat(second.get("Authorization")).containsExactly("Bearer token-2");
		assertThat(attemptsAsked).containsExactly(0, 1);
	}

	@Test
	void aHeadersProviderThatFailsOrTakesTooLongFailsTheAttempt() {
		this.server = TestServer.start();
		WebSocket failing = new WebSocket(null, WebSocketOptions.builder()
			.headersProvider((uri, attempt) -> {
				throw new IllegalStateException("token service down");
			})
			.build(), this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket = failing;
		failing.setUrl(this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(failing);
		failing.complete();
		recorder.awaitSignal("errorOccurred");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SocketAccessError);
		assertThat(failing.getErrorString()).contains("headers provider failed", "token service down");
		failing.close();

		CountDownLatch never = new CountDownLatch(1);
		WebSocket slow = new WebSocket(null, WebSocketOptions.builder()
			.handshakeTimeout(Duration.ofMillis(200))
			.headersProvider((uri, attempt) -> {
				never.await();
				return Map.of();
			})
			.build(), this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket = slow;
		slow.setUrl(this.server.url("/echo"));
		SignalRecorder slowRecorder = new SignalRecorder(slow);
		slow.complete();
		slowRecorder.awaitSignal("errorOccurred");
		assertThat(slow.getErrorString()).contains("did not answer within 200 ms");
	}

	@Test
	void aHeadersProviderThatReturnsAHeaderTheHandshakeSetsFailsTheAttempt() {
		this.server = TestServer.start();
		this.socket = new WebSocket(null, WebSocketOptions.builder()
			.headersProvider((uri, attempt) -> Map.of("sec-websocket-protocol", "chat"))
			.build(), this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket.setUrl(this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(this.socket);
		TestServer.handshakeHeaders.clear();
		this.socket.complete();
		recorder.awaitSignal("errorOccurred");
		assertThat(recorder.argumentsOf("ipSocketErrorOccurred")).containsExactly(IpSocketError.SocketAccessError);
		assertThat(this.socket.getErrorString()).contains(
				"the headers provider returned sec-websocket-protocol, which is set by the subProtocol property");
		assertThat(TestServer.handshakeHeaders).as("no request was sent").isEmpty();
	}

	@Test
	void disconnectFromHostStopsReconnecting() {
		this.server = TestServer.start();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");
		socket.disconnectFromHost();
		recorder.awaitSignal("disconnected");
		this.server.close();
		this.clock.advance(Duration.ofHours(1));
		assertThat(attempts()).isOne();
		assertThat(recorder.names()).doesNotContain("errorOccurred");
	}

	@Test
	void aDeviceOpenedAgainAfterCloseReconnectsWhenItsConnectionDrops() {
		this.server = TestServer.start();
		int port = this.server.port();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.open();
		recorder.awaitSignal("connected");
		socket.close();
		recorder.awaitSignal("disconnected");
		socket.open();
		recorder.awaitCount("connected", 2);
		dropTheConnectionAndExpectAReconnect(recorder, port);
		assertThat(attempts()).isEqualTo(3);
	}

	@Test
	void anAutoConnectingSocketOpenedAfterDisconnectFromHostReconnectsWhenItsConnectionDrops() {
		this.server = TestServer.start();
		int port = this.server.port();
		WebSocket socket = socket(FAST, this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.complete();
		recorder.awaitSignal("connected");
		socket.disconnectFromHost();
		recorder.awaitSignal("disconnected");
		socket.open();
		recorder.awaitCount("connected", 2);
		dropTheConnectionAndExpectAReconnect(recorder, port);
	}

	/**
	 * Stops the server under the second connection, starts it again and expects the reconnect at the first delay.
	 */
	private void dropTheConnectionAndExpectAReconnect(SignalRecorder recorder, int port) {
		this.server.close();
		recorder.awaitCount("disconnected", 2);
		this.server = TestServer.start(port);
		this.clock.advance(FAST.initialDelay());
		recorder.awaitCount("connected", 3);
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0)) {
			return probe.getLocalPort();
		}
	}

}
