package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Writes a connection's bytes to its Netty channel: the writer Tyrus' engine is given at the handshake, and the one
 * {@link OutgoingFrames} writes every frame through.
 * <p>
 * Every write is copied into a pooled direct buffer on the calling thread (the socket takes it without another
 * copy) and queued; one task on the channel's event loop drains the queue, writes what it holds and flushes once.
 * So writes leave in the order of the calls from any thread, and frames sent while the loop is busy leave together
 * in one system call, without a timer. The completion handler runs once the bytes are on the socket.
 * <p>
 * On a plain connection (no TLS, no proxy handler), a write goes to the socket directly when nothing is queued or
 * still on its way to the socket: one system call on the sender's thread instead of a hand-off to the event loop, as
 * Jetty and Grizzly write (measured in BENCHMARKS-ARCHIVE.md); on the event loop itself (a batch of held frames, a
 * pong) likewise, without a task of its own. What the socket does not take at once is queued as above. A lock orders
 * the direct writes against the queue and its draining. The socket is in non-blocking mode, whose writes the JDK
 * does not tie to the writing thread's interrupt (only blocking channel operations close the channel on an
 * interrupt), so a sender that is interrupted cannot break the connection.
 */
final class ChannelWriter extends Writer {

	/** The most bytes queued here or in the channel's outbound buffer before {@link #hasRoom()} says no. */
	private static final long ROOM = 64 * 1024;

	private final Channel channel;

	private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	/** The socket of a plain connection, written directly when nothing waits; {@code null} otherwise. */
	private final SocketChannel socket;

	/** Orders direct writes against the queue and its draining. */
	private final Object writeLock = new Object();

	/** Writes handed to the channel and not yet on the socket. */
	private final AtomicLong inFlight = new AtomicLong();

	/**
	 * Creates the writer of a channel.
	 * @param channel the channel
	 * @param socket its socket, to write directly to on a plain connection, or {@code null}
	 */
	ChannelWriter(Channel channel, SocketChannel socket) {
		this.channel = channel;
		this.socket = socket;
	}

	@Override
	public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		boolean written;
		try {
			synchronized (this.writeLock) {
				written = mayWriteDirectly() && writeDirectly(buffer);
				if (!written) {
					enqueue(buffer, completionHandler);
				}
			}
		}
		catch (IOException ex) {
			completionHandler.failed(ex);
			this.channel.close();
			return;
		}
		if (written) {
			completionHandler.completed(buffer);
		}
	}

	private boolean mayWriteDirectly() {
		return this.socket != null && this.queue.isEmpty() && !this.drainScheduled.get() && this.inFlight.get() == 0
				&& this.channel.isActive();
	}

	/**
	 * Writes what the socket takes at once; the rest stays in the buffer for the queue.
	 * @return whether all of it was written
	 */
	private boolean writeDirectly(ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			if (this.socket.write(buffer) == 0) {
				return false;
			}
		}
		return true;
	}

	private void enqueue(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		ByteBuf direct = this.channel.alloc().directBuffer(buffer.remaining());
		direct.writeBytes(buffer.duplicate());
		this.queuedBytes.addAndGet(direct.readableBytes());
		this.queue.add(new Pending(direct, buffer, completionHandler));
		if (this.drainScheduled.compareAndSet(false, true)) {
			try {
				this.channel.eventLoop().execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				this.drainScheduled.set(false);
				failAll(ex);
			}
		}
	}

	/**
	 * Writes everything queued by now, then flushes once; runs on the event loop.
	 */
	private void drain() {
		synchronized (this.writeLock) {
			this.drainScheduled.set(false);
			Pending pending;
			while ((pending = this.queue.poll()) != null) {
				Pending written = pending;
				this.queuedBytes.addAndGet(-written.bytes().readableBytes());
				this.inFlight.incrementAndGet();
				this.channel.write(written.bytes()).addListener((future) -> {
					this.inFlight.decrementAndGet();
					if (future.isSuccess()) {
						written.handler().completed(written.source());
					}
					else {
						written.handler().failed(future.cause());
					}
				});
			}
		}
		this.channel.flush();
	}

	private void failAll(Throwable failure) {
		Pending pending;
		while ((pending = this.queue.poll()) != null) {
			this.queuedBytes.addAndGet(-pending.bytes().readableBytes());
			pending.bytes().release();
			pending.handler().failed(failure);
		}
	}

	@Override
	public void close() {
		this.channel.close();
	}

	/**
	 * Whether the connection takes more without its sender waiting: what is queued here is below {@link #ROOM} and
	 * the channel's outbound buffer is below Netty's high watermark (64 KiB by default).
	 */
	boolean hasRoom() {
		return this.queuedBytes.get() < ROOM && this.channel.isWritable();
	}

	/**
	 * Whether the socket sends every frame at once; for tests.
	 */
	boolean tcpNoDelay() {
		return this.channel.config().getOption(ChannelOption.TCP_NODELAY);
	}

	/**
	 * A write waiting for the event loop.
	 */
	private record Pending(ByteBuf bytes, ByteBuffer source, CompletionHandler<ByteBuffer> handler) {
	}

}
