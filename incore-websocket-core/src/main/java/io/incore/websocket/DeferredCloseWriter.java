package io.incore.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

/**
 * Wraps Tyrus' writer so that, when the client starts the close handshake, the TCP connection is closed only
 * after the server's close frame arrived, or after the close timeout, as RFC 6455 section 7.1.1 describes.
 * Tyrus itself drops the connection right after sending its close frame.
 */
final class DeferredCloseWriter extends Writer {

	private final OutgoingFrames delegate;

	private final Duration closeTimeout;

	private final TransportEvents events;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile boolean closeRequested;

	private volatile boolean peerClosed;

	private volatile boolean closeImmediately;

	DeferredCloseWriter(OutgoingFrames delegate, Duration closeTimeout, TransportEvents events) {
		this.delegate = delegate;
		this.closeTimeout = closeTimeout;
		this.events = events;
	}

	/**
	 * Returns the writer of the connection's frames this one wraps.
	 */
	OutgoingFrames frames() {
		return this.delegate;
	}

	@Override
	public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		this.delegate.write(buffer, completionHandler);
	}

	@Override
	public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler, WriterInfo writerInfo) {
		this.delegate.write(buffer, completionHandler, writerInfo);
	}

	@Override
	public void close() {
		if (this.peerClosed || this.closeImmediately) {
			closeNow();
			return;
		}
		this.closeRequested = true;
		SharedExecutors.scheduler().schedule(this::closeNow, this.closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Makes the next {@link #close()} drop the connection without waiting, e.g. for a peer that stopped
	 * answering.
	 */
	void closeWithoutWaiting() {
		this.closeImmediately = true;
		if (this.closeRequested) {
			closeNow();
		}
	}

	void peerClosed() {
		this.peerClosed = true;
		if (this.closeRequested) {
			closeNow();
		}
	}

	private void closeNow() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.delegate.close();
		}
		catch (IOException ex) {
			// The connection is gone either way; what matters is that it is reported as closed.
		}
		this.events.transportClosed();
	}

}
