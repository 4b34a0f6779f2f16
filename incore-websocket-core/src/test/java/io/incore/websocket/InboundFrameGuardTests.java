package io.incore.websocket;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame-header guard in front of Tyrus' read handler, fed byte streams in chunks.
 */
class InboundFrameGuardTests {

	private final AtomicLong forwarded = new AtomicLong();

	private final List<String> events = new ArrayList<>();

	private final List<Integer> handed = new ArrayList<>();

	private final List<String> reads = new ArrayList<>();

	private final List<Runnable> whenRoom = new ArrayList<>();

	private int depth;

	private InboundFrameGuard guard(ReadGate gate, Supplier<ReadControl> currentRead) {
		return new InboundFrameGuard((data) -> {
			this.forwarded.addAndGet(data.remaining());
			this.handed.add(data.remaining());
			this.depth++;
			data.position(data.limit());
		}, 1024 * 1024, this.transportEvents, gate, currentRead);
	}

	private final TransportEvents transportEvents = new TransportEvents() {

		@Override
		public void messageTooBig(long announcedSize, long maxMessageSize) {
			InboundFrameGuardTests.this.events.add("tooBig:" + announcedSize);
		}

		@Override
		public void closeFrameReceived(int code, String reason) {
			InboundFrameGuardTests.this.events.add("close:" + code + ":" + reason);
		}

		@Override
		public void transportClosed() {
		}

	};

	private final ReadGate gate = new ReadGate() {

		@Override
		public boolean isFull() {
			return InboundFrameGuardTests.this.depth >= 2;
		}

		@Override
		public void whenRoom(Runnable action) {
			InboundFrameGuardTests.this.whenRoom.add(action);
		}

	};

	private final ReadControl control = new ReadControl() {

		@Override
		public void suspend() {
			InboundFrameGuardTests.this.reads.add("suspend");
		}

		@Override
		public void onReadingThread(Runnable task) {
			task.run();
		}

		@Override
		public void resume() {
			InboundFrameGuardTests.this.reads.add("resume");
		}

	};

	private final InboundFrameGuard guard = guard(null, () -> null);

	@Test
	void onASelectorThreadMessagesPassOneAtATimeAndReadingStopsWhileTheGateIsFull() {
		InboundFrameGuard gated = guard(this.gate, () -> this.control);
		gated.handle(textFrames(5));
		assertThat(this.handed).containsExactly(5, 5);
		assertThat(this.reads).containsExactly("suspend");
		gated.handle(textFrames(1));
		assertThat(this.handed).as("a read that raced the suspension waits behind the held bytes").hasSize(2);
		roomAgain();
		assertThat(this.handed).containsExactly(5, 5, 5, 5);
		assertThat(this.reads).containsExactly("suspend", "suspend");
		roomAgain();
		assertThat(this.handed).containsExactly(5, 5, 5, 5, 5, 5);
		roomAgain();
		assertThat(this.reads).containsExactly("suspend", "suspend", "suspend", "resume");
		assertThat(this.forwarded.get()).isEqualTo(6 * 5);
		assertThat(this.whenRoom).isEmpty();
	}

	@Test
	void withInlineDeliveryBuffersPassWholeUngated() {
		InboundFrameGuard inline = guard(null, () -> this.control);
		inline.handle(textFrames(5));
		assertThat(this.handed).containsExactly(25);
		assertThat(this.reads).isEmpty();
	}

	@Test
	void theHandshakesReadOnAWorkerPassesWholeAndLaterSelectorReadsAreGated() {
		List<ReadControl> reading = new ArrayList<>();
		reading.add(null);
		InboundFrameGuard gated = guard(this.gate, () -> reading.get(0));
		gated.handle(textFrames(1));
		assertThat(this.handed).containsExactly(5);
		reading.set(0, this.control);
		gated.handle(textFrames(3));
		assertThat(this.handed).containsExactly(5, 5);
		assertThat(this.reads).containsExactly("suspend");
	}

	@Test
	void offASelectorThreadBuffersPassWhole() {
		InboundFrameGuard worker = guard(this.gate, () -> null);
		worker.handle(textFrames(5));
		assertThat(this.handed).containsExactly(25);
		assertThat(this.reads).isEmpty();
	}

	private void roomAgain() {
		this.depth = 0;
		Runnable action = this.whenRoom.remove(0);
		action.run();
	}

	private static ByteBuffer textFrames(int count) {
		ByteBuffer frames = ByteBuffer.allocate(5 * count);
		for (int i = 0; i < count; i++) {
			frames.put((byte) 0x81).put((byte) 3).put("abc".getBytes());
		}
		return frames.flip();
	}

	@Test
	void aFrameAnnouncingMoreThanTheLimitIsNeverPassedOn() {
		long size = 5L * 1024 * 1024;
		ByteBuffer header = ByteBuffer.allocate(10).put((byte) 0x82).put((byte) 127).putLong(size).flip();
		feedInChunks(prepend(header, new byte[64 * 1024]));
		for (int i = 1; i < size / (64 * 1024); i++) {
			feedInChunks(ByteBuffer.wrap(new byte[64 * 1024]));
		}
		assertThat(this.events).containsExactly("tooBig:" + size);
		assertThat(this.forwarded.get()).as("at most the header bytes that came before the header was complete")
			.isLessThan(10);
	}

	@Test
	void framesWithinTheLimitPassUnchangedEvenWhenSplit() {
		ByteBuffer frame = ByteBuffer.allocate(4 + 300).put((byte) 0x81).put((byte) 126).putShort((short) 300);
		frame.put(new byte[300]).flip();
		feedInChunks(frame);
		assertThat(this.forwarded.get()).isEqualTo(304);
		assertThat(this.events).isEmpty();
	}

	@Test
	void fragmentsCountTowardsOneMessage() {
		ByteBuffer first = ByteBuffer.allocate(4 + 60000).put((byte) 0x02).put((byte) 126).putShort((short) 60000);
		first.put(new byte[60000]).flip();
		feedInChunks(first);
		for (int i = 0; i < 17; i++) {
			ByteBuffer continuation = ByteBuffer.allocate(4 + 60000).put((byte) 0x00).put((byte) 126)
				.putShort((short) 60000);
			continuation.put(new byte[60000]).flip();
			feedInChunks(continuation);
		}
		assertThat(this.events).containsExactly("tooBig:" + 18 * 60000);
		assertThat(this.forwarded.get()).isEqualTo(17 * 60004);
	}

	@Test
	void reportsTheServersCloseCodeAndReason() {
		byte[] reason = "bye".getBytes();
		ByteBuffer frame = ByteBuffer.allocate(2 + 2 + reason.length).put((byte) 0x88).put((byte) (2 + reason.length))
			.putShort((short) 4001).put(reason).flip();
		feedInChunks(frame);
		assertThat(this.events).containsExactly("close:4001:bye");
		assertThat(this.forwarded.get()).isEqualTo(frame.limit());
	}

	private void feedInChunks(ByteBuffer data) {
		while (data.hasRemaining()) {
			int chunk = Math.min(7, data.remaining());
			ByteBuffer piece = data.slice();
			piece.limit(chunk);
			this.guard.handle(piece);
			data.position(data.position() + chunk);
		}
	}

	private static ByteBuffer prepend(ByteBuffer header, byte[] body) {
		return ByteBuffer.allocate(header.remaining() + body.length).put(header).put(body).flip();
	}

}
