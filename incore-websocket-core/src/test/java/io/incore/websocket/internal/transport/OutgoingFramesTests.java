package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

/**
 * The batching rules of {@link OutgoingFrames}, as a pure unit: the transport records what it is asked to write
 * and completes writes when the test says so, the event loop runs its flush tasks when the test says so, and the
 * clock is the test's. Order and completeness over a real socket are in {@link CoalescedSendsTests}.
 */
class OutgoingFramesTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final Queue<Runnable> flushTasks = new ArrayDeque<>();

	private final RecordingTransport transport = new RecordingTransport();

	private final List<Throwable> failures = new ArrayList<>();

	private final OutgoingFrames frames = new OutgoingFrames(this.transport, true, this.flushTasks::add,
			this.now::get, this.failures::add);

	@Test
	void aLoneFrameIsWrittenAtOnceAndItsSendWaitsForTheWrite() throws IOException {
		OutgoingFrames.Sent sent = this.frames.send(frame("a"));
		assertThat(this.transport.written()).containsExactly("a");
		assertThat(sent).isNotSameAs(OutgoingFrames.Sent.HELD);
		this.transport.completeAll();
		sent.await();
		assertThat(this.flushTasks).isEmpty();
	}

	@Test
	void framesThatFollowAWriteCloselyAreHeldAndLeaveTogetherInOneWrite() {
		this.frames.send(frame("a"));
		this.now.addAndGet(OutgoingFrames.FOLLOW_NANOS - 1);
		assertThat(this.frames.send(frame("b"))).isSameAs(OutgoingFrames.Sent.HELD);
		this.now.addAndGet(OutgoingFrames.FOLLOW_NANOS * 10);
		assertThat(this.frames.send(frame("c"))).as("a flush is already due").isSameAs(OutgoingFrames.Sent.HELD);
		assertThat(this.transport.written()).containsExactly("a");
		assertThat(this.flushTasks).hasSize(1);
		runFlushTasks();
		assertThat(this.transport.written()).containsExactly("a", "bc");
	}

	@Test
	void aFrameAfterAPauseIsWrittenAtOnce() {
		this.frames.send(frame("a"));
		this.now.addAndGet(OutgoingFrames.FOLLOW_NANOS);
		assertThat(this.frames.send(frame("b"))).isNotSameAs(OutgoingFrames.Sent.HELD);
		assertThat(this.transport.written()).containsExactly("a", "b");
	}

	@Test
	void theWindowCountsFromTheStartOfThePreviousWrite() {
		// A write to a server on the same host may return only after the server answered it: the next request,
		// sent on that answer, is no burst.
		this.transport.onWrite(() -> this.now.addAndGet(OutgoingFrames.FOLLOW_NANOS * 5));
		this.frames.send(frame("a"));
		assertThat(this.frames.send(frame("b"))).as("sent right after a slow write returned")
			.isNotSameAs(OutgoingFrames.Sent.HELD);
		assertThat(this.transport.written()).containsExactly("a", "b");
	}

	@Test
	void aLargeFrameIsNeverHeldAndLeavesAfterTheFramesHeldBeforeIt() {
		this.frames.send(frame("a"));
		this.frames.send(frame("b"));
		String large = "L".repeat(OutgoingFrames.MAX_HELD_FRAME + 1);
		assertThat(this.frames.send(frame(large))).isNotSameAs(OutgoingFrames.Sent.HELD);
		assertThat(this.transport.written()).containsExactly("a", "b" + large);
		runFlushTasks();
		assertThat(this.transport.written()).as("nothing left to flush").hasSize(2);
	}

	@Test
	void withoutCoalescingEveryFrameIsWrittenAtOnce() {
		OutgoingFrames plain = new OutgoingFrames(this.transport, false, this.flushTasks::add, this.now::get,
				this.failures::add);
		plain.send(frame("a"));
		assertThat(plain.send(frame("b"))).isNotSameAs(OutgoingFrames.Sent.HELD);
		assertThat(this.transport.written()).containsExactly("a", "b");
		assertThat(this.flushTasks).isEmpty();
	}

	@Test
	void tyrusFramesLeaveAfterEveryFrameHeldBeforeThem() {
		this.frames.send(frame("a"));
		this.frames.send(frame("b"));
		this.frames.write(frame("close"), new CompletionHandler<>() {
		});
		assertThat(this.transport.written()).containsExactly("a", "b", "close");
		runFlushTasks();
		assertThat(this.transport.written()).hasSize(3);
	}

	@Test
	void onceTheBoundIsHeldOrUnwrittenASendWritesEverythingAndWaits() {
		this.frames.send(frame("a"));
		this.transport.completeAll();
		String chunk = "c".repeat(OutgoingFrames.MAX_HELD_FRAME - 2);
		int heldFrames = 0;
		OutgoingFrames.Sent sent;
		while ((sent = this.frames.send(frame(chunk))) == OutgoingFrames.Sent.HELD) {
			heldFrames++;
			if (heldFrames % 4 == 0) {
				runFlushTasks();
			}
		}
		int heldBytes = heldFrames * chunk.length();
		assertThat(heldBytes).isLessThanOrEqualTo(OutgoingFrames.MAX_HELD_BYTES)
			.isGreaterThan(OutgoingFrames.MAX_HELD_BYTES - 2 * OutgoingFrames.MAX_HELD_FRAME);
		List<String> written = this.transport.written();
		assertThat(written.get(written.size() - 1)).as("the frames still held, then the sender's own")
			.hasSize(chunk.length() * (heldFrames % 4 + 1));
		IOException slowServerGaveUp = new IOException("Connection reset");
		this.transport.failAll(slowServerGaveUp);
		assertThatIOException().as("the sender waited for exactly that write").isThrownBy(sent::await)
			.isSameAs(slowServerGaveUp);
		assertThat(this.frames.send(frame("d"))).as("nothing unwritten any more")
			.isSameAs(OutgoingFrames.Sent.HELD);
	}

	@Test
	void aBatchThatCannotBeWrittenIsReportedFromTheFlushPool() {
		this.frames.send(frame("a"));
		this.frames.send(frame("b"));
		runFlushTasks();
		IOException broken = new IOException("Broken pipe");
		this.transport.failAll(broken);
		assertThat(this.failures).as("not on the thread that completed the write").isEmpty();
		runFlushTasks();
		assertThat(this.failures).containsExactly(broken);
	}

	@Test
	void onceTheEventLoopHasEndedAHeldFrameIsWrittenAtOnceAndItsFailureStillReported() {
		Executor ended = (task) -> {
			throw new RejectedExecutionException("event loop terminated");
		};
		List<Throwable> reported = new CopyOnWriteArrayList<>();
		OutgoingFrames late = new OutgoingFrames(this.transport, true, ended, this.now::get, reported::add);
		late.send(frame("a"));
		assertThat(late.send(frame("b"))).as("follows closely").isSameAs(OutgoingFrames.Sent.HELD);
		assertThat(this.transport.written()).as("not left held for a flush that never comes").containsExactly("a", "b");
		IOException closed = new IOException("Channel closed");
		this.transport.failAll(closed);
		await().untilAsserted(() -> assertThat(reported).containsExactly(closed));
	}

	@Test
	void aSendWhoseWriteFailsGetsTheFailure() {
		OutgoingFrames.Sent sent = this.frames.send(frame("a"));
		this.transport.failAll(new IOException("Broken pipe"));
		assertThatIOException().isThrownBy(sent::await).withMessage("Broken pipe");
	}

	private void runFlushTasks() {
		Runnable task;
		while ((task = this.flushTasks.poll()) != null) {
			task.run();
		}
	}

	private static ByteBuffer frame(String content) {
		return ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Records every write and keeps it pending until the test completes or fails it; can stand for a slow write.
	 */
	private static final class RecordingTransport extends Writer {

		private final List<String> written = new ArrayList<>();

		private final List<CompletionHandler<ByteBuffer>> pending = new ArrayList<>();

		private Runnable duringWrite = () -> {
		};

		@Override
		public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
			this.written.add(StandardCharsets.US_ASCII.decode(buffer).toString());
			this.pending.add(completionHandler);
			this.duringWrite.run();
		}

		void onWrite(Runnable action) {
			this.duringWrite = action;
		}

		@Override
		public void close() {
		}

		List<String> written() {
			return this.written;
		}

		void completeAll() {
			List<CompletionHandler<ByteBuffer>> handlers = new ArrayList<>(this.pending);
			this.pending.clear();
			handlers.forEach((handler) -> handler.completed(null));
		}

		void failAll(Throwable failure) {
			List<CompletionHandler<ByteBuffer>> handlers = new ArrayList<>(this.pending);
			this.pending.clear();
			handlers.forEach((handler) -> handler.failed(failure));
		}

	}

}
