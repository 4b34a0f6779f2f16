package io.incore.websocket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The send buffer and the connect messages against a real echo server that goes away and comes back: what the
 * server receives, in what order, on each connection. The echoes arrive in the order the server received the
 * messages. Reconnect delays run on a clock the test advances.
 */
class SendBufferTests {

	private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(100), 1.0,
			Duration.ofMillis(100), 0, 0, Duration.ofSeconds(30));

	private final ManualClock clock = new ManualClock();

	private TestServer server;

	private WebSocket socket;

	@AfterEach
	void cleanUp() {
		this.socket.close();
		this.server.close();
	}

	@Test
	void aSubscriptionSurvivesAReconnectAndBufferedMessagesFollowItBeforeLaterOnes() {
		this.server = TestServer.start();
		int port = this.server.port();
		this.socket = new WebSocket(null, WebSocketOptions.builder()
			.reconnect(FAST)
			.sendBuffer(new SendBuffer(100, 1024 * 1024, SendBuffer.Overflow.REJECT))
			.connectMessages((socket) -> List.of("subscribe:" + socket.getObjectId()))
			.build(), this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket.setObjectId("quotes");
		this.socket.setUrl(this.server.url("/echo"));
		List<String> echoes = new CopyOnWriteArrayList<>();
		this.socket.textMessageReceived.connect(echoes::add);
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.connected.connect(() -> this.socket.sendTextMessage("sent on connected"));
		this.socket.complete();
		await().until(() -> echoes.size() == 2);
		assertThat(echoes).containsExactly("subscribe:quotes", "sent on connected");

		this.server.close();
		recorder.awaitSignal("disconnected");
		assertThat(this.socket.sendTextMessage("while away 1")).isEqualTo(12);
		assertThat(this.socket.sendTextMessage("while away 2")).isEqualTo(12);
		assertThat(this.socket.getSendBufferDepth()).isEqualTo(2);
		assertThat(this.socket.getError()).isNotEqualTo(WebSocket.Error.NotOpenError);
		this.server = TestServer.start(port);
		this.clock.advance(FAST.initialDelay());
		await().until(() -> echoes.size() == 6);
		assertThat(echoes.subList(2, 6)).containsExactly("subscribe:quotes", "while away 1", "while away 2",
				"sent on connected");
		assertThat(this.socket.getSendBufferDepth()).isZero();
	}

	@Test
	void withoutABufferASendWhileReconnectingIsRefusedAsTheSeedSays() {
		this.server = TestServer.start();
		this.socket = new WebSocket(null, WebSocketOptions.builder().reconnect(FAST).build(),
				this.clock.sessionClock(SharedExecutors.connector(), 0.5));
		this.socket.setUrl(this.server.url("/echo"));
		SignalRecorder recorder = new SignalRecorder(this.socket);
		this.socket.complete();
		recorder.awaitSignal("connected");
		this.server.close();
		recorder.awaitSignal("disconnected");
		assertThat(this.socket.sendTextMessage("lost")).isEqualTo(-1);
		assertThat(this.socket.getError()).isEqualTo(WebSocket.Error.NotOpenError);
	}

}
