package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.incore.websocket.internal.concurrent.SharedExecutors;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

/**
 * Writes the frames of one connection in the order they were sent, and lets small frames that follow each other
 * closely leave together ({@link WebSocketOptions#coalesceSends()}).
 * <p>
 * A frame is written at once, and its send waits until it is written, unless it is small, it is sent within
 * {@link #FOLLOW_NANOS} of the start of the previous write (or a batch is already waiting) and the connection holds
 * less than {@link #MAX_HELD_BYTES}. Such a frame is held, its send returns at once, and a flush task on the
 * connection's event loop writes every frame held by then in one write. That is one thread hand-off of delay for the
 * second and later frames of a burst, never a wait for the server, and it saves a system call and a TCP segment per
 * frame on both ends. A lone frame, or one sent after a pause, is never held.
 * <p>
 * Decision: the flush runs on the event loop rather than on a pool of its own. On a busy connection the loop is
 * awake anyway, reading the answers, so the flush costs no thread wake-up and no extra thread; the event loop never
 * waits, and the flush only hands bytes to the socket (measured in BENCHMARKS-ARCHIVE.md, {@code ab-loop-flush}).
 * <p>
 * Decision: the window counts from the start of the previous write, not from its end, so that a request sent on the
 * answer to the one before is not held, which would cost a hand-off to the event loop with nothing to join it. A
 * write to a server on the same host may return only after the server answered it (the write woke the server's
 * thread, which took the core), so counted from its end, a share of the requests of a one-in-flight exchange were
 * held on a busy machine (BENCHMARKS-ARCHIVE.md, {@code ab-burst}).
 * <p>
 * Once {@link #MAX_HELD_BYTES} are held or written but not yet on the socket, a send writes everything held plus
 * its own frame and waits for that, so a server that reads slowly still holds senders up.
 * <p>
 * A frame written at once to a {@link ChannelWriter} that still has room (Netty's outbound buffer below its
 * watermark) does not make its sender wait either: the event loop writes it (or the sender itself, on a plain
 * connection with nothing waiting), and the watermark bounds what waits there, so a server that reads slowly still
 * holds senders up once the buffer is full. Waiting for every write
 * would cost the sender two thread wake-ups per message (measured in BENCHMARKS-ARCHIVE.md).
 * <p>
 * The connection's own control frames (pongs and close frames) pass through {@link #write} and go out after every
 * frame held before them. The first write that fails after its sender returned, a held batch's or an accepted
 * frame's, is reported to the connection's failure handler; the ones after it are the same broken connection.
 */
final class OutgoingFrames extends Writer {

	/**
	 * How soon after the previous write began a small frame may be held: below a round trip over TCP, which
	 * includes the server's work and two thread wake-ups.
	 */
	static final long FOLLOW_NANOS = 20_000;

	/** The largest frame, header included, that may be held; larger ones cost more to copy than to send alone. */
	static final int MAX_HELD_FRAME = 4096;

	/** The most bytes held, or written in a batch and not yet on the socket, per connection. */
	static final int MAX_HELD_BYTES = 64 * 1024;

	/** A list of held frames that grew beyond this is dropped once emptied, so an idle connection stays small. */
	private static final int KEPT_HELD_CAPACITY = 32;

	private final Writer transport;

	private final boolean coalesce;

	private final Executor flusher;

	private final LongSupplier clock;

	private final Consumer<Throwable> failures;

	private final Object lock = new Object();

	private List<ByteBuffer> held = new ArrayList<>(0);

	private int heldBytes;

	private final AtomicLong unwrittenBatchBytes = new AtomicLong();

	private final AtomicBoolean failureReported = new AtomicBoolean();

	private boolean flushScheduled;

	private long lastWrite;

	/**
	 * Creates the writer of one connection.
	 * @param transport the channel's writer
	 * @param coalesce whether small frames that follow each other closely may be held
	 * @param flusher where held frames are written and failures reported: the connection's event loop
	 * @param clock the time in nanoseconds, as {@link System#nanoTime()}
	 * @param failures receives the failure of writing a held batch
	 */
	OutgoingFrames(Writer transport, boolean coalesce, Executor flusher, LongSupplier clock,
			Consumer<Throwable> failures) {
		this.transport = transport;
		this.coalesce = coalesce;
		this.flusher = flusher;
		this.clock = clock;
		this.failures = failures;
		this.lastWrite = clock.getAsLong() - FOLLOW_NANOS;
	}

	/**
	 * Returns the channel's writer this one writes to.
	 */
	Writer transport() {
		return this.transport;
	}

	/**
	 * Tells whether the connection takes more without anyone waiting, see {@link ChannelWriter#hasRoom()}; a
	 * transport other than a {@link ChannelWriter} always has room.
	 * @return whether it has room
	 */
	boolean hasRoom() {
		return !(this.transport instanceof ChannelWriter channel) || channel.hasRoom();
	}

	/**
	 * Sends one frame of this library's: holds it, or hands it to the transport after everything held.
	 * @param frame the encoded frame
	 * @return what the sender waits for: nothing for a held frame or one a {@link ChannelWriter} accepted with room
	 * to spare, the write of the frame otherwise
	 */
	Sent send(ByteBuffer frame) {
		synchronized (this.lock) {
			long now = this.coalesce ? this.clock.getAsLong() : 0;
			if (this.coalesce && mayHold(frame, now)) {
				hold(frame);
				return Sent.HELD;
			}
			FrameWritten written = new FrameWritten();
			this.transport.write(withHeld(frame), written);
			if (this.coalesce) {
				this.lastWrite = now;
			}
			if (this.transport instanceof ChannelWriter channel && channel.hasRoom()) {
				written.outcome.whenComplete((done, failure) -> {
					if (failure != null) {
						report(failure);
					}
				});
				return Sent.HELD;
			}
			return written;
		}
	}

	private boolean mayHold(ByteBuffer frame, long now) {
		return frame.remaining() <= MAX_HELD_FRAME
				&& this.heldBytes + this.unwrittenBatchBytes.get() + frame.remaining() <= MAX_HELD_BYTES
				&& (this.flushScheduled || now - this.lastWrite < FOLLOW_NANOS);
	}

	private void hold(ByteBuffer frame) {
		this.held.add(frame);
		this.heldBytes += frame.remaining();
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			try {
				this.flusher.execute(this::flush);
			}
			catch (RejectedExecutionException ex) {
				this.flushScheduled = false;
				writeHeldBatch();
			}
		}
	}

	/**
	 * Writes every frame held by now in one write; runs on the connection's event loop.
	 */
	private void flush() {
		synchronized (this.lock) {
			this.flushScheduled = false;
			if (this.held.isEmpty()) {
				return;
			}
			writeHeldBatch();
		}
	}

	private void writeHeldBatch() {
		int size = this.heldBytes;
		ByteBuffer batch = withHeld(ByteBuffer.allocate(0));
		this.unwrittenBatchBytes.addAndGet(size);
		this.lastWrite = this.clock.getAsLong();
		this.transport.write(batch, new BatchWritten(size));
	}

	/**
	 * Takes every held frame out, followed by the given one, as one buffer; the frame itself if none is held.
	 */
	private ByteBuffer withHeld(ByteBuffer frame) {
		if (this.held.isEmpty()) {
			return frame;
		}
		ByteBuffer all = ByteBuffer.allocate(this.heldBytes + frame.remaining());
		this.held.forEach(all::put);
		all.put(frame).flip();
		if (this.held.size() > KEPT_HELD_CAPACITY) {
			this.held = new ArrayList<>(0);
		}
		else {
			this.held.clear();
		}
		this.heldBytes = 0;
		return all;
	}

	/**
	 * Accounts for a written batch, without the lock: the transport may complete a write on any thread. A failure
	 * is reported in a task of its own, because a write may complete inside the call that made it, under the lock,
	 * and the report takes the object's lock, under which Tyrus may write a close frame.
	 */
	private void batchDone(int size, Throwable failure) {
		this.unwrittenBatchBytes.addAndGet(-size);
		if (failure != null) {
			report(failure);
		}
	}

	/**
	 * Reports a failure in a task of its own on the event loop, or on the connect pool once the loop has ended
	 * (after the last connection), never in the call that saw it.
	 */
	private void report(Throwable failure) {
		Runnable task = () -> reportOnce(failure);
		try {
			this.flusher.execute(task);
		}
		catch (RejectedExecutionException ex) {
			SharedExecutors.connector().execute(task);
		}
	}

	/**
	 * Reports the first failure of a write whose sender had returned already; the ones after it are the same broken
	 * connection again.
	 */
	private void reportOnce(Throwable failure) {
		if (this.failureReported.compareAndSet(false, true)) {
			this.failures.accept(failure);
		}
	}

	/**
	 * Writes a frame of Tyrus' after every frame held so far. Tyrus' frame itself is written outside the lock, so
	 * that Tyrus' completion handler, which may run inside that call, never runs under it.
	 */
	@Override
	public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		writeHeldFirst();
		this.transport.write(buffer, completionHandler);
	}

	@Override
	public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo writerInfo) {
		writeHeldFirst();
		this.transport.write(buffer, completionHandler, writerInfo);
	}

	private void writeHeldFirst() {
		synchronized (this.lock) {
			if (!this.held.isEmpty()) {
				writeHeldBatch();
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.transport.close();
	}

	/**
	 * The outcome of writing a held batch, whose senders have returned already.
	 */
	private final class BatchWritten extends CompletionHandler<ByteBuffer> {

		private final int size;

		BatchWritten(int size) {
			this.size = size;
		}

		@Override
		public void completed(ByteBuffer result) {
			batchDone(this.size, null);
		}

		@Override
		public void failed(Throwable failure) {
			batchDone(this.size, failure);
		}

		@Override
		public void cancelled() {
			batchDone(this.size, new IOException("The write was cancelled"));
		}

	}

	/**
	 * What a sender waits for once its frame left its hands.
	 */
	interface Sent {

		/** A frame its sender does not wait for: held, or accepted by a transport with room to spare. */
		Sent HELD = () -> {
		};

		/**
		 * Waits until the frame is written. Interrupting the wait does not take the frame back; the thread's
		 * interrupt flag is kept.
		 * @throws IOException if writing the frame failed
		 */
		void await() throws IOException;

	}

	/**
	 * The outcome of writing one frame whose sender waits for it.
	 */
	private static final class FrameWritten extends CompletionHandler<ByteBuffer> implements Sent {

		private final CompletableFuture<Void> outcome = new CompletableFuture<>();

		@Override
		public void completed(ByteBuffer result) {
			this.outcome.complete(null);
		}

		@Override
		public void failed(Throwable failure) {
			this.outcome.completeExceptionally(failure);
		}

		@Override
		public void cancelled() {
			this.outcome.completeExceptionally(new IOException("The write was cancelled"));
		}

		@Override
		public void await() throws IOException {
			try {
				this.outcome.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
			}
		}

	}

}
