package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

import io.incore.websocket.internal.frame.FrameEncoder;
import io.incore.websocket.internal.frame.FrameReader;
import io.incore.websocket.internal.frame.MaskingKeys;
import io.incore.websocket.internal.frame.MessageDeflater;
import io.incore.websocket.internal.frame.PerMessageDeflate;
import io.incore.websocket.internal.frame.Rfc6455;
import io.incore.websocket.internal.session.CloseHandshake;
import io.incore.websocket.internal.session.Connection;
import io.incore.websocket.internal.session.ConnectionListener;
import io.incore.websocket.internal.session.Timers;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import org.glassfish.tyrus.spi.CompletionHandler;

/**
 * One connection attempt and, once Tyrus' handshake succeeded, the connection it became. Tyrus only runs the
 * opening handshake; every byte after it is read by the connection's {@link FrameReader} (through its
 * {@link FrameReadHandler}) and every frame is written here, through the connection's {@link OutgoingFrames}.
 * <p>
 * The close handshake is the {@link CloseHandshake}'s transitions, applied under the send lock; the callbacks to the
 * {@link ConnectionListener} happen outside it. The connection ends for the application exactly once, reported through
 * {@link ConnectionListener#closed}. It has one timer at a time: the close timeout, the bound on how long an answer due to
 * the server may wait for listeners, or the wait for the server to close TCP; whichever is set is cancelled when
 * TCP ends, so none outlives the connection.
 * <p>
 * A send returns once its frame is written to the socket, or at once if the frame was held to leave together with
 * the next ones, of which a connection holds a bounded amount; either way a server that reads slowly holds senders
 * up rather than making a queue grow. Pongs and close frames are written without waiting, as they may be written on
 * an event loop. Every ping is answered while the connection has room for more; once it has none (a server that
 * sends pings but does not read), a pong is written only after the one before it, for the latest ping that came
 * meanwhile, as RFC 6455 section 5.5.3 allows: a flood of pings cannot make what waits to be written grow.
 */
final class TyrusConnection extends Endpoint implements Connection, FrameReader.Listener {

	/** How long TCP is left for the server to close once the close handshake is over, at most. */
	static final Duration SERVER_TCP_CLOSE_WAIT = Duration.ofSeconds(1);

	private final ConnectionListener listener;

	private final Duration closeTimeout;

	private final Timers timers;

	private final Object sendLock = new Object();

	private final MaskingKeys maskingKeys = new MaskingKeys();

	private final CloseHandshake handshake = new CloseHandshake();

	private Timers.Timer timer;

	private volatile OutgoingFrames frames;

	private volatile boolean abandoned;

	private final int compressionThreshold;

	/** Compresses outgoing messages, under the send lock; {@code null} without permessage-deflate. */
	private MessageDeflater deflater;

	private volatile List<String> extensions = List.of();

	/** Pongs handed to the writer and not yet on the socket; under the send lock. */
	private int unwrittenPongs;

	/**
	 * The latest ping that came while a pong was unwritten and the connection had no room, answered once that pong
	 * is written; {@code null} for none. Under the send lock.
	 */
	private byte[] unansweredPing;

	TyrusConnection(ConnectionListener listener, Duration closeTimeout, Timers timers, int compressionThreshold) {
		this.listener = listener;
		this.closeTimeout = closeTimeout;
		this.timers = timers;
		this.compressionThreshold = compressionThreshold;
	}

	/**
	 * Takes what the server agreed to about permessage-deflate, before Tyrus opens the session.
	 * @param agreement the agreement, or {@code null} if the extension is not in use
	 */
	void extensionAgreed(PerMessageDeflate.Agreement agreement) {
		synchronized (this.sendLock) {
			this.deflater = (agreement != null) ? new MessageDeflater(agreement.clientNoContextTakeover()) : null;
		}
		this.extensions = (agreement != null) ? List.of(agreement.header()) : List.of();
	}

	@Override
	public List<String> extensions() {
		return this.extensions;
	}

	/**
	 * Takes the connection's writer, before Tyrus opens the session, so that it is there for a listener that
	 * sends as soon as the connection opened.
	 */
	void writerReady(OutgoingFrames writer) {
		this.frames = writer;
	}

	private volatile URI uri;

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		if (this.abandoned) {
			terminate(Rfc6455.CLOSE_NORMAL, "");
			return;
		}
		this.listener.opened(this, session.getNegotiatedSubprotocol());
	}

	@Override
	public void onError(Session session, Throwable failure) {
		failed(failure);
	}

	/**
	 * Reports a failure of the handshake or the transport, e.g. of writing frames that were held to leave together,
	 * whose senders had returned already.
	 */
	void failed(Throwable failure) {
		this.listener.failed(failure);
	}

	@Override
	public void textReceived(String text, int encodedLength) {
		this.listener.textReceived(text, encodedLength);
	}

	@Override
	public void binaryReceived(byte[] message) {
		this.listener.binaryReceived(message);
	}

	@Override
	public void pingReceived(byte[] payload) {
		synchronized (this.sendLock) {
			if (!this.handshake.canSend()) {
				return;
			}
			if (this.unwrittenPongs > 0 && !this.frames.hasRoom()) {
				this.unansweredPing = payload;
				return;
			}
			writePong(payload);
		}
	}

	/**
	 * Writes a pong without waiting for it, as pings are read on an event loop. Called under the send lock.
	 */
	private void writePong(byte[] payload) {
		this.unwrittenPongs++;
		writeControl(encode(Rfc6455.OPCODE_PONG, payload), this::pongWritten);
	}

	/**
	 * Answers the latest ping that came while the connection had no room, once a pong before it is written.
	 */
	private void pongWritten() {
		synchronized (this.sendLock) {
			this.unwrittenPongs--;
			byte[] latest = this.unansweredPing;
			if (latest != null && this.handshake.canSend() && (this.unwrittenPongs == 0 || this.frames.hasRoom())) {
				this.unansweredPing = null;
				writePong(latest);
			}
		}
	}

	@Override
	public void pongReceived(byte[] payload) {
		this.listener.pongReceived(payload);
	}

	@Override
	public void closeReceived(int code, String reason) {
		boolean ended;
		synchronized (this.sendLock) {
			ended = this.handshake.closeReceived(code, reason);
			if (!ended) {
				schedule(this::answerClose);
			}
		}
		if (ended) {
			endTransport(null);
			reportClosed();
		}
		else {
			this.listener.closeReceived(code, reason);
		}
	}

	@Override
	public void protocolViolated(int closeCode, String description) {
		boolean ended;
		synchronized (this.sendLock) {
			ended = this.handshake.violated(closeCode, description);
			if (!ended) {
				schedule(this::fail);
			}
		}
		this.listener.protocolViolated(closeCode, description);
		if (ended) {
			endTransport(null);
			reportClosed();
		}
	}

	/**
	 * Answers the server's close frame with its code, then closes TCP; does nothing unless an answer is due.
	 */
	@Override
	public void answerClose() {
		closeWith(this.handshake::answer, "");
	}

	/**
	 * Sends the close frame that fails the connection after a protocol violation, then closes TCP; does nothing
	 * unless one is due.
	 */
	@Override
	public void fail() {
		closeWith(this.handshake::fail, null);
	}

	/**
	 * Sends our last close frame and reports the connection closed at once. TCP is left for the server to close, as
	 * RFC 6455 section 7.1.1 asks, for at most {@link #SERVER_TCP_CLOSE_WAIT}: closing it while the server's
	 * bytes are still unread would reset the connection, and a reset can destroy our close frame before the server
	 * has read it. Whatever arrives meanwhile is discarded.
	 */
	private void closeWith(IntSupplier transition, String reason) {
		ByteBuffer closeFrame;
		synchronized (this.sendLock) {
			int code = transition.getAsInt();
			if (code < 0) {
				return;
			}
			closeFrame = encodeClose(code, (reason != null) ? reason : this.handshake.reason());
			cancelTimer();
			writeControl(closeFrame, null);
			Duration wait = (this.closeTimeout.compareTo(SERVER_TCP_CLOSE_WAIT) < 0) ? this.closeTimeout
					: SERVER_TCP_CLOSE_WAIT;
			this.timer = this.timers.schedule(() -> endTransport(null), wait);
		}
		this.listener.closed(this.handshake.code(), this.handshake.reason());
	}

	/**
	 * Starts the close handshake; never throws. The TCP connection closes once the server answered, or after
	 * the close timeout.
	 */
	@Override
	public void close(int code, String reason) {
		synchronized (this.sendLock) {
			if (this.frames == null || !this.handshake.closeRequested()) {
				return;
			}
			writeControl(encodeClose(code, reason), null);
			schedule(this::closeTimedOut);
		}
	}

	private void closeTimedOut() {
		boolean ended;
		synchronized (this.sendLock) {
			ended = this.handshake.timedOut();
		}
		if (ended) {
			endTransport(null);
			reportClosed();
		}
	}

	/**
	 * Gives the attempt up: a connection that opens later is dropped at once.
	 */
	@Override
	public void abandon() {
		this.abandoned = true;
		terminate(Rfc6455.CLOSE_NORMAL, "");
	}

	/**
	 * Drops the connection without waiting for the server: sends a close frame if none was sent yet, then closes
	 * TCP. Used once the attempt is no longer current, so nothing is reported.
	 */
	@Override
	public void terminate(int code, String reason) {
		this.abandoned = true;
		ByteBuffer closeFrame;
		synchronized (this.sendLock) {
			if (this.frames == null) {
				return;
			}
			closeFrame = this.handshake.canSend() ? encodeClose(code, reason) : null;
			this.handshake.transportEnded();
			cancelTimer();
			releaseDeflater();
		}
		endTransport(closeFrame);
	}

	/**
	 * TCP is gone: ends the close handshake and reports the end, unless it was reported already.
	 */
	void transportEnded() {
		boolean ended;
		synchronized (this.sendLock) {
			cancelTimer();
			ended = this.handshake.transportEnded();
			releaseDeflater();
		}
		if (ended) {
			endTransport(null);
			reportClosed();
		}
	}

	private void reportClosed() {
		synchronized (this.sendLock) {
			cancelTimer();
		}
		this.listener.closed(this.handshake.code(), this.handshake.reason());
	}

	/**
	 * Writes the last frame, if any, after everything held, and closes TCP once it is written.
	 */
	private void endTransport(ByteBuffer lastFrame) {
		OutgoingFrames writer = this.frames;
		if (writer == null) {
			return;
		}
		if (lastFrame == null) {
			closeQuietly(writer);
			return;
		}
		writeControl(lastFrame, () -> closeQuietly(writer));
	}

	private void writeControl(ByteBuffer frame, Runnable afterwards) {
		this.frames.write(frame, new CompletionHandler<>() {

			@Override
			public void completed(ByteBuffer result) {
				if (afterwards != null) {
					afterwards.run();
				}
			}

			@Override
			public void failed(Throwable failure) {
				closeQuietly(TyrusConnection.this.frames);
			}

		});
	}

	private static void closeQuietly(OutgoingFrames writer) {
		try {
			writer.close();
		}
		catch (IOException ex) {
			// The connection is gone either way; Tyrus reports the end.
		}
	}

	private void schedule(Runnable task) {
		cancelTimer();
		this.timer = this.timers.schedule(task, this.closeTimeout);
	}

	private void cancelTimer() {
		if (this.timer != null) {
			this.timer.cancel();
			this.timer = null;
		}
	}

	/**
	 * Returns whether the socket sends every frame at once, or {@code null} before it is open or if the socket
	 * cannot be reached; for tests.
	 */
	Boolean tcpNoDelay() {
		OutgoingFrames current = this.frames;
		return (current != null && current.transport() instanceof ChannelWriter channel) ? channel.tcpNoDelay() : null;
	}

	/**
	 * Sends a text message.
	 * @return its size in bytes, as sent: UTF-8, with {@code '?'} for an unpaired surrogate as the JDK encodes it
	 */
	@Override
	public int sendText(String message) throws IOException {
		byte[] payload = message.getBytes(StandardCharsets.UTF_8);
		send(Rfc6455.OPCODE_TEXT, payload);
		return payload.length;
	}

	@Override
	public void sendBinary(byte[] message) throws IOException {
		send(Rfc6455.OPCODE_BINARY, message);
	}

	@Override
	public void sendPing(byte[] payload) throws IOException {
		send(Rfc6455.OPCODE_PING, payload);
	}

	@Override
	public URI uri() {
		return this.uri;
	}

	/**
	 * The opening handshake was answered with 101 at this URL, after the redirects before it; Tyrus opens the
	 * session while it checks the answer, so this comes first.
	 * @param reached the URL
	 */
	void reached(URI reached) {
		this.uri = reached;
	}

	@Override
	public void sendPong(byte[] payload) throws IOException {
		send(Rfc6455.OPCODE_PONG, payload);
	}

	/**
	 * Sends one frame and, unless it was held to leave with the next ones ({@link OutgoingFrames}), waits until it
	 * is written.
	 */
	private void send(int opcode, byte[] payload) throws IOException {
		OutgoingFrames.Sent sent;
		synchronized (this.sendLock) {
			if (this.frames == null || !this.handshake.canSend()) {
				throw new IOException("The connection is closing; nothing more can be sent on it");
			}
			sent = this.frames.send(encode(opcode, payload));
		}
		sent.await();
	}

	/**
	 * Encodes a frame; a text or binary message of at least the threshold is compressed when permessage-deflate
	 * was agreed. Called under the send lock, so messages are compressed in the order they leave, which a
	 * compressor that keeps its window between messages requires.
	 */
	private ByteBuffer encode(int opcode, byte[] payload) {
		if (this.deflater != null && payload.length >= this.compressionThreshold
				&& (opcode == Rfc6455.OPCODE_TEXT || opcode == Rfc6455.OPCODE_BINARY)) {
			return FrameEncoder.encode(opcode, this.deflater.deflate(payload), this.maskingKeys.next(), true);
		}
		return FrameEncoder.encode(opcode, payload, this.maskingKeys.next());
	}

	/**
	 * Frees the compressor's native memory once TCP is gone; nothing is sent after. Called under the send lock.
	 */
	private void releaseDeflater() {
		if (this.deflater != null) {
			this.deflater.release();
			this.deflater = null;
		}
	}

	private ByteBuffer encodeClose(int code, String reason) {
		return FrameEncoder.encodeClose(code, reason, this.maskingKeys.next());
	}

}
