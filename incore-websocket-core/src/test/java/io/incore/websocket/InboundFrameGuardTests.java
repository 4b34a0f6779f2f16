package io.incore.websocket;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame-header guard in front of Tyrus' read handler, fed byte streams in chunks.
 */
class InboundFrameGuardTests {

	private final AtomicLong forwarded = new AtomicLong();

	private final List<String> events = new ArrayList<>();

	private final InboundFrameGuard guard = new InboundFrameGuard((data) -> {
		this.forwarded.addAndGet(data.remaining());
		data.position(data.limit());
	}, 1024 * 1024, new TransportEvents() {

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

	});

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
