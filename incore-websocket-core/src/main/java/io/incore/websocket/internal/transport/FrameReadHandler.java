package io.incore.websocket.internal.transport;

import java.nio.ByteBuffer;

import io.incore.websocket.internal.frame.FrameReader;
import io.incore.websocket.internal.frame.PerMessageDeflate;
import io.incore.websocket.internal.session.InboundQueue;
import io.incore.websocket.internal.session.ReadGate;


/**
 * Hands every byte a connection receives after the opening handshake to its {@link FrameReader}; Tyrus' own
 * frame parser never sees one.
 * <p>
 * When the connection is read on an event loop (default delivery), it also applies the {@link ReadGate}: after
 * each message and each pong (which listeners receive too) it asks the gate, and once the gate is full it pauses
 * the reader, keeps the bytes read behind that frame, suspends reading from the socket, and goes on when the gate
 * has room again. So a listener that falls behind never makes an event loop wait, and the backlog stays within the
 * inbound limits (plus at most one message). Connections with inline delivery are not gated here: their reading
 * thread may wait in {@link InboundQueue#admit} instead.
 * <p>
 * Not thread-safe: a channel's reads come one at a time, and resuming runs on the reading thread too.
 */
final class FrameReadHandler implements FrameReader.Listener {

	private final FrameReader reader;

	private final FrameReader.Listener connection;

	private final ReadGate gate;

	private final ReadControl reads;

	/** The bytes read behind the message that filled the gate, while reading is suspended. */
	private ByteBuffer held;

	/** Whether the current read stopped because the gate is full. */
	private boolean paused;

	/**
	 * Creates the read handler of one connection.
	 * @param maxMessageSize the largest message accepted
	 * @param deflate the permessage-deflate agreement, {@code null} if the extension is not in use
	 * @param connection receives what is read
	 * @param gate the gate to apply, or {@code null} for inline delivery, whose reading thread may wait instead
	 * @param reads the connection's reads, suspended while the gate is full; {@code null} with no gate
	 */
	FrameReadHandler(long maxMessageSize, PerMessageDeflate.Agreement deflate, FrameReader.Listener connection,
			ReadGate gate, ReadControl reads) {
		this.reader = new FrameReader(maxMessageSize, deflate, this);
		this.connection = connection;
		this.gate = gate;
		this.reads = reads;
	}

	/**
	 * Reads the bytes of one read of the socket.
	 */
	void handle(ByteBuffer data) {
		if (this.held != null) {
			this.held = append(this.held, data);
			return;
		}
		readOrHold(data);
	}

	/**
	 * Frees what the reader holds outside the heap, once the connection is gone; nothing more is read.
	 */
	void release() {
		this.reader.release();
	}

	private void readOrHold(ByteBuffer data) {
		this.paused = false;
		this.reader.read(data);
		if (this.paused && !this.reader.isDone()) {
			this.held = ByteBuffer.allocate(data.remaining()).put(data).flip();
			this.reads.suspend();
			this.gate.whenRoom(() -> this.reads.onReadingThread(this::resume));
		}
		data.position(data.limit());
	}

	private void resume() {
		ByteBuffer pending = this.held;
		this.held = null;
		readOrHold(pending);
		if (this.held == null) {
			this.reads.resume();
		}
	}

	private static ByteBuffer append(ByteBuffer held, ByteBuffer data) {
		ByteBuffer joined = ByteBuffer.allocate(held.remaining() + data.remaining());
		joined.put(held).put(data).flip();
		return joined;
	}

	@Override
	public void textReceived(String text, int encodedLength) {
		this.connection.textReceived(text, encodedLength);
		pauseIfFull();
	}

	@Override
	public void binaryReceived(byte[] message) {
		this.connection.binaryReceived(message);
		pauseIfFull();
	}

	private void pauseIfFull() {
		if (this.gate != null && this.gate.isFull()) {
			this.paused = true;
			this.reader.pause();
		}
	}

	@Override
	public void pingReceived(byte[] payload) {
		this.connection.pingReceived(payload);
	}

	@Override
	public void pongReceived(byte[] payload) {
		this.connection.pongReceived(payload);
		pauseIfFull();
	}

	@Override
	public void closeReceived(int code, String reason) {
		this.connection.closeReceived(code, reason);
	}

	@Override
	public void protocolViolated(int closeCode, String description) {
		this.connection.protocolViolated(closeCode, description);
	}

}
