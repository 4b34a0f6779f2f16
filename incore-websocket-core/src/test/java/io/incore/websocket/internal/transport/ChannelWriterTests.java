package io.incore.websocket.internal.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import org.glassfish.tyrus.spi.CompletionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel writer on Netty's embedded channel, whose event loop runs its tasks when the test says so.
 */
class ChannelWriterTests {

	private final List<String> flushes = new ArrayList<>();

	private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {

		@Override
		public void flush(ChannelHandlerContext ctx) {
			ChannelWriterTests.this.flushes.add("flush");
			ctx.flush();
		}

	});

	private final ChannelWriter writer = new ChannelWriter(this.channel, null);

	private final List<String> completed = new ArrayList<>();

	@Test
	void writesQueuedWhileTheLoopIsBusyLeaveInOrderWithOneFlush() {
		this.writer.write(bytes("a"), handler("a"));
		this.writer.write(bytes("b"), handler("b"));
		this.writer.write(bytes("c"), handler("c"));
		assertThat(written()).as("nothing before the loop runs").isEmpty();
		this.channel.runPendingTasks();
		assertThat(written()).containsExactly("a", "b", "c");
		assertThat(this.flushes).hasSize(1);
		assertThat(this.completed).containsExactly("a", "b", "c");
	}

	@Test
	void theCallersBufferIsCopiedSoItMayBeReusedAtOnce() {
		ByteBuffer reused = bytes("first");
		this.writer.write(reused, handler("first"));
		reused.clear().put("XXXXX".getBytes()).flip();
		this.channel.runPendingTasks();
		assertThat(written()).containsExactly("first");
	}

	@Test
	void thereIsNoRoomOnceSixtyFourKibibytesWaitForTheLoop() {
		assertThat(this.writer.hasRoom()).isTrue();
		this.writer.write(ByteBuffer.allocate(40 * 1024), handler("1"));
		assertThat(this.writer.hasRoom()).isTrue();
		this.writer.write(ByteBuffer.allocate(40 * 1024), handler("2"));
		assertThat(this.writer.hasRoom()).isFalse();
		this.channel.runPendingTasks();
		this.channel.releaseOutbound();
		assertThat(this.writer.hasRoom()).isTrue();
	}

	@Test
	void aWriteAfterTheChannelClosedReportsItsFailure() {
		this.channel.close();
		ByteBuffer bytes = bytes("late");
		List<Throwable> failures = new ArrayList<>();
		this.writer.write(bytes, new CompletionHandler<>() {

			@Override
			public void failed(Throwable failure) {
				failures.add(failure);
			}

		});
		this.channel.runPendingTasks();
		assertThat(failures).hasSize(1);
	}

	private List<String> written() {
		List<String> written = new ArrayList<>();
		ByteBuf next;
		while ((next = this.channel.readOutbound()) != null) {
			written.add(next.toString(java.nio.charset.StandardCharsets.US_ASCII));
			next.release();
		}
		return written;
	}

	private CompletionHandler<ByteBuffer> handler(String name) {
		return new CompletionHandler<>() {

			@Override
			public void completed(ByteBuffer result) {
				ChannelWriterTests.this.completed.add(name);
			}

		};
	}

	private static ByteBuffer bytes(String text) {
		return ByteBuffer.wrap(text.getBytes());
	}

}
