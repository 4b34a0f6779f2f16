package io.incore.websocket.internal.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.incore.websocket.internal.frame.FrameReader;
import io.incore.websocket.internal.session.ReadGate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the read handler gates a connection's reads: one message at a time on an event loop, reading suspended while
 * listeners are behind, and never gated with inline delivery.
 */
class FrameReadHandlerTests {

	private final List<String> events = new ArrayList<>();

	private final List<String> reads = new ArrayList<>();

	private final List<Runnable> whenRoom = new ArrayList<>();

	private int depth;

	private final ReadGate gate = new ReadGate() {

		@Override
		public boolean isFull() {
			return FrameReadHandlerTests.this.depth >= 2;
		}

		@Override
		public void whenRoom(Runnable action) {
			FrameReadHandlerTests.this.whenRoom.add(action);
		}

	};

	private final ReadControl control = new ReadControl() {

		@Override
		public void suspend() {
			FrameReadHandlerTests.this.reads.add("suspend");
		}

		@Override
		public void onReadingThread(Runnable task) {
			task.run();
		}

		@Override
		public void resume() {
			FrameReadHandlerTests.this.reads.add("resume");
		}

	};

	private final FrameReader.Listener connection = new FrameReader.Listener() {

		@Override
		public void textReceived(String text, int encodedLength) {
			FrameReadHandlerTests.this.events.add(text);
			FrameReadHandlerTests.this.depth++;
		}

		@Override
		public void binaryReceived(byte[] message) {
			FrameReadHandlerTests.this.events.add("binary");
			FrameReadHandlerTests.this.depth++;
		}

		@Override
		public void pingReceived(byte[] payload) {
			FrameReadHandlerTests.this.events.add("ping");
		}

		@Override
		public void pongReceived(byte[] payload) {
			FrameReadHandlerTests.this.events.add("pong");
		}

		@Override
		public void closeReceived(int code, String reason) {
			FrameReadHandlerTests.this.events.add("close:" + code);
		}

		@Override
		public void protocolViolated(int closeCode, String description) {
			FrameReadHandlerTests.this.events.add("violation:" + closeCode);
		}

	};

	@Test
	void messagesPassOneAtATimeAndReadingStopsWhileTheGateIsFull() {
		FrameReadHandler gated = new FrameReadHandler(1024, null, this.connection, this.gate, this.control);
		gated.handle(textFrames(5));
		assertThat(this.events).hasSize(2);
		assertThat(this.reads).containsExactly("suspend");
		gated.handle(textFrames(1));
		assertThat(this.events).as("a read that raced the suspension waits behind the held bytes").hasSize(2);
		roomAgain();
		assertThat(this.events).hasSize(4);
		roomAgain();
		assertThat(this.events).hasSize(6);
		roomAgain();
		assertThat(this.reads).containsExactly("suspend", "suspend", "suspend", "resume");
		assertThat(this.whenRoom).isEmpty();
	}

	@Test
	void theGateFillingWithTheLastMessageOfAReadStillSuspendsReading() {
		FrameReadHandler gated = new FrameReadHandler(1024, null, this.connection, this.gate, this.control);
		gated.handle(textFrames(2));
		assertThat(this.reads).containsExactly("suspend");
		gated.handle(textFrames(1));
		assertThat(this.events).hasSize(2);
		roomAgain();
		assertThat(this.events).hasSize(3);
		assertThat(this.reads).containsExactly("suspend", "resume");
	}

	@Test
	void withInlineDeliveryReadsAreNeverGated() {
		new FrameReadHandler(1024, null, this.connection, null, null).handle(textFrames(5));
		assertThat(this.events).hasSize(5);
		assertThat(this.reads).isEmpty();
	}

	@Test
	void bytesAfterAViolationAreDiscardedAndNeverHeld() {
		FrameReadHandler gated = new FrameReadHandler(1024, null, this.connection, this.gate, this.control);
		ByteBuffer data = ByteBuffer.allocate(4 + 5).put((byte) 0xF1).put((byte) 0).put(textFrames(1)).flip();
		gated.handle(data);
		assertThat(data.hasRemaining()).isFalse();
		assertThat(this.events).containsExactly("violation:1002");
		assertThat(this.reads).isEmpty();
	}

	private void roomAgain() {
		this.depth = 0;
		this.whenRoom.remove(0).run();
	}

	private static ByteBuffer textFrames(int count) {
		ByteBuffer frames = ByteBuffer.allocate(5 * count);
		for (int i = 0; i < count; i++) {
			frames.put((byte) 0x81).put((byte) 3).put(("m" + (i % 10) + "!").getBytes());
		}
		return frames.flip();
	}

}
