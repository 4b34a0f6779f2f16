package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame-header guard in front of Tyrus' read handler, fed byte streams in chunks.
 */
class InboundFrameGuardTests {

	private final ByteArrayOutputStream tyrusBytes = new ByteArrayOutputStream();

	private final List<String> events = new ArrayList<>();

	private final List<Integer> handed = new ArrayList<>();

	private final List<String> reads = new ArrayList<>();

	private final List<Runnable> whenRoom = new ArrayList<>();

	private int depth;

	private InboundFrameGuard guard(ReadGate gate, Supplier<ReadControl> currentRead) {
		return new InboundFrameGuard((data) -> {
			this.handed.add(data.remaining());
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.tyrusBytes.writeBytes(bytes);
			if (this.events.isEmpty() || !this.events.get(this.events.size() - 1).equals("tyrus")) {
				this.events.add("tyrus");
			}
			this.depth++;
		}, 1024 * 1024, this.transportEvents, gate, currentRead);
	}

	private final TransportEvents transportEvents = new TransportEvents() {

		@Override
		public void textReceived(String message, int encodedLength) {
			InboundFrameGuardTests.this.events.add("text:" + message + ":" + encodedLength);
			InboundFrameGuardTests.this.depth++;
		}

		@Override
		public void binaryReceived(byte[] message) {
			InboundFrameGuardTests.this.events.add("binary:" + message.length);
			InboundFrameGuardTests.this.depth++;
		}

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

		@Override
		public void heldFramesFailed(Throwable failure) {
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
	void wholeTextAndBinaryMessagesAreReadHereAndNeverReachTyrus() {
		feedInChunks(concat(frame(0x81, "héllo".getBytes(StandardCharsets.UTF_8)), frame(0x82, new byte[300]),
				frame(0x81, new byte[0])), 7);
		assertThat(this.events).containsExactly("text:héllo:6", "binary:300", "text::0");
		assertThat(this.tyrusBytes.size()).isZero();
	}

	@Test
	void fragmentedMessagesAndControlFramesReachTyrusByteForByteAndInOrder() {
		ByteBuffer own = frame(0x81, "own".getBytes());
		ByteBuffer stream = concat(frame(0x01, "frag".getBytes()), frame(0x89, "ping".getBytes()),
				frame(0x80, "ment".getBytes()), frame(0x8A, "pong".getBytes()), own.duplicate(),
				frame(0x88, new byte[] { 0x03, (byte) 0xE8 }), frame(0x81, "after close".getBytes()));
		byte[] expected = bytesOf(stream);
		feedInChunks(stream, 1);
		assertThat(this.events).containsExactly("tyrus", "text:own:3", "tyrus", "close:1000:", "tyrus");
		byte[] ownBytes = bytesOf(own);
		int ownAt = indexOf(expected, ownBytes);
		byte[] withoutOwn = new byte[expected.length - ownBytes.length];
		System.arraycopy(expected, 0, withoutOwn, 0, ownAt);
		System.arraycopy(expected, ownAt + ownBytes.length, withoutOwn, ownAt, withoutOwn.length - ownAt);
		assertThat(this.tyrusBytes.toByteArray()).isEqualTo(withoutOwn);
	}

	@Test
	void afterAFrameThatBreaksTheProtocolEverythingIsLeftToTyrus() {
		List<ByteBuffer> offences = List.of(frame(0xC1, "rsv1".getBytes()), maskedFrame(0x81, "masked".getBytes()),
				frame(0x80, "stray continuation".getBytes()), frame(0x83, "reserved opcode".getBytes()),
				concat(frame(0x01, "frag".getBytes()), frame(0x81, "not a continuation".getBytes())));
		for (ByteBuffer offence : offences) {
			this.events.clear();
			this.tyrusBytes.reset();
			ByteBuffer stream = concat(offence, frame(0x81, "then text".getBytes()));
			byte[] expected = bytesOf(stream);
			InboundFrameGuard fresh = guard(null, () -> null);
			fresh.handle(stream);
			assertThat(this.events).containsExactly("tyrus");
			assertThat(this.tyrusBytes.toByteArray()).isEqualTo(expected);
		}
	}

	@Test
	void textThatIsNotUtf8IsLeftToTyrusWhichClosesWith1007() {
		ByteBuffer stream = concat(frame(0x81, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }),
				frame(0x81, "then text".getBytes()));
		byte[] expected = bytesOf(stream);
		feedInChunks(stream, 2);
		assertThat(this.events).containsExactly("tyrus");
		assertThat(this.tyrusBytes.toByteArray()).isEqualTo(expected);
	}

	@Test
	void onASelectorThreadMessagesPassOneAtATimeAndReadingStopsWhileTheGateIsFull() {
		InboundFrameGuard gated = guard(this.gate, () -> this.control);
		gated.handle(textFrames(5));
		assertThat(delivered()).isEqualTo(2);
		assertThat(this.reads).containsExactly("suspend");
		gated.handle(textFrames(1));
		assertThat(delivered()).as("a read that raced the suspension waits behind the held bytes").isEqualTo(2);
		roomAgain();
		assertThat(delivered()).isEqualTo(4);
		assertThat(this.reads).containsExactly("suspend", "suspend");
		roomAgain();
		assertThat(delivered()).isEqualTo(6);
		roomAgain();
		assertThat(this.reads).containsExactly("suspend", "suspend", "suspend", "resume");
		assertThat(this.whenRoom).isEmpty();
	}

	@Test
	void messagesTyrusReadsAreGatedToo() {
		InboundFrameGuard gated = guard(this.gate, () -> this.control);
		gated.handle(concat(fragmented(), fragmented(), fragmented()));
		assertThat(this.handed).as("each message handed on by itself").containsExactly(8, 8);
		assertThat(this.reads).containsExactly("suspend");
		roomAgain();
		assertThat(this.handed).containsExactly(8, 8, 8);
		assertThat(this.reads).containsExactly("suspend", "resume");
	}

	@Test
	void withInlineDeliveryReadsAreNeverGated() {
		InboundFrameGuard inline = guard(null, () -> this.control);
		inline.handle(concat(textFrames(5), fragmented(), fragmented()));
		assertThat(delivered()).isEqualTo(5);
		assertThat(this.handed).containsExactly(16);
		assertThat(this.reads).isEmpty();
	}

	@Test
	void theHandshakesReadOnAWorkerIsNotGatedAndLaterSelectorReadsAre() {
		List<ReadControl> reading = new ArrayList<>();
		reading.add(null);
		InboundFrameGuard gated = guard(this.gate, () -> reading.get(0));
		gated.handle(textFrames(3));
		assertThat(delivered()).isEqualTo(3);
		assertThat(this.reads).isEmpty();
		reading.set(0, this.control);
		this.depth = 0;
		gated.handle(textFrames(3));
		assertThat(delivered()).isEqualTo(5);
		assertThat(this.reads).containsExactly("suspend");
	}

	@Test
	void offASelectorThreadReadsAreNotGated() {
		InboundFrameGuard worker = guard(this.gate, () -> null);
		worker.handle(textFrames(5));
		assertThat(delivered()).isEqualTo(5);
		assertThat(this.reads).isEmpty();
	}

	private long delivered() {
		return this.events.stream().filter((event) -> event.startsWith("text:")).count();
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

	/** A text message in two frames, eight bytes, which Tyrus reads. */
	private static ByteBuffer fragmented() {
		return concat(frame(0x01, "ab".getBytes()), frame(0x80, "cd".getBytes()));
	}

	@Test
	void aFrameAnnouncingMoreThanTheLimitIsNeverPassedOn() {
		long size = 5L * 1024 * 1024;
		ByteBuffer header = ByteBuffer.allocate(10).put((byte) 0x82).put((byte) 127).putLong(size).flip();
		feedInChunks(concat(header, ByteBuffer.wrap(new byte[64 * 1024])), 7);
		for (int i = 1; i < size / (64 * 1024); i++) {
			feedInChunks(ByteBuffer.wrap(new byte[64 * 1024]), 7);
		}
		assertThat(this.events).containsExactly("tooBig:" + size);
		assertThat(this.tyrusBytes.size()).isZero();
	}

	@Test
	void aLargeMessageSplitOverManyReadsArrivesWhole() {
		byte[] payload = new byte[70_000];
		Arrays.fill(payload, (byte) 'x');
		ByteBuffer frame = ByteBuffer.allocate(10 + payload.length).put((byte) 0x81).put((byte) 127)
			.putLong(payload.length).put(payload).flip();
		feedInChunks(frame, 4096);
		assertThat(this.events).containsExactly("text:" + "x".repeat(70_000) + ":70000");
	}

	@Test
	void fragmentsCountTowardsOneMessage() {
		ByteBuffer first = ByteBuffer.allocate(4 + 60000).put((byte) 0x02).put((byte) 126).putShort((short) 60000);
		first.put(new byte[60000]).flip();
		feedInChunks(first, 7);
		for (int i = 0; i < 17; i++) {
			ByteBuffer continuation = ByteBuffer.allocate(4 + 60000).put((byte) 0x00).put((byte) 126)
				.putShort((short) 60000);
			continuation.put(new byte[60000]).flip();
			feedInChunks(continuation, 7);
		}
		assertThat(this.events).containsExactly("tyrus", "tooBig:" + 18 * 60000);
		assertThat(this.tyrusBytes.size()).isEqualTo(17 * 60004);
	}

	@Test
	void reportsTheServersCloseCodeAndReason() {
		byte[] reason = "bye".getBytes();
		ByteBuffer frame = ByteBuffer.allocate(2 + 2 + reason.length).put((byte) 0x88).put((byte) (2 + reason.length))
			.putShort((short) 4001).put(reason).flip();
		feedInChunks(frame, 7);
		assertThat(this.events).containsExactly("close:4001:bye", "tyrus");
		assertThat(this.tyrusBytes.size()).isEqualTo(frame.limit());
	}

	private void feedInChunks(ByteBuffer data, int size) {
		while (data.hasRemaining()) {
			int chunk = Math.min(size, data.remaining());
			ByteBuffer piece = data.slice();
			piece.limit(chunk);
			this.guard.handle(piece);
			data.position(data.position() + chunk);
		}
	}

	private static ByteBuffer frame(int firstByte, byte[] payload) {
		if (payload.length > 125) {
			return ByteBuffer.allocate(4 + payload.length).put((byte) firstByte).put((byte) 126)
				.putShort((short) payload.length).put(payload).flip();
		}
		return ByteBuffer.allocate(2 + payload.length).put((byte) firstByte).put((byte) payload.length).put(payload)
			.flip();
	}

	private static ByteBuffer maskedFrame(int firstByte, byte[] payload) {
		return ByteBuffer.allocate(6 + payload.length).put((byte) firstByte).put((byte) (0x80 | payload.length))
			.putInt(0).put(payload).flip();
	}

	private static ByteBuffer concat(ByteBuffer... parts) {
		ByteBuffer joined = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(ByteBuffer::remaining).sum());
		for (ByteBuffer part : parts) {
			joined.put(part);
		}
		return joined.flip();
	}

	private static byte[] bytesOf(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	private static int indexOf(byte[] haystack, byte[] wanted) {
		for (int i = 0; i + wanted.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + wanted.length, wanted, 0, wanted.length)) {
				return i;
			}
		}
		throw new AssertionError("not found");
	}

}
