package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.glassfish.tyrus.spi.ReadHandler;

/**
 * Sits in front of Tyrus' read handler and follows the frame headers of the incoming byte stream, without
 * buffering payloads.
 * <p>
 * Why: Tyrus buffers a whole frame before it looks at it and, past its incoming buffer, closes with 1011. This
 * guard sees the announced length in a frame header first. When a message would exceed the maximum size, it
 * stops handing bytes to Tyrus, so memory stays flat, and reports it; the connection then closes with 1009 as
 * RFC 6455 asks. It also picks up the code and reason of the server's close frame, which Tyrus does not expose
 * when the client started the close.
 * <p>
 * <p>
 * When the connection is read on a selector thread ({@link TransportIOStrategy}), the guard also applies the
 * {@link ReadGate}: it hands Tyrus one message at a time, and once the gate is full it keeps the bytes already read
 * behind that message, suspends reading from the socket, and goes on when the gate has room again. So a listener
 * that falls behind never makes a shared selector thread wait, and the backlog stays within the inbound limits
 * (plus at most one message). Reads on worker threads are not gated here: those of connections with inline
 * delivery, and the handshake's read, which may already carry the first messages; the reading thread waits in
 * {@link InboundQueue#admit} instead.
 * <p>
 * Not thread-safe: Grizzly hands one connection's reads to one thread at a time, and resuming runs on that
 * thread too.
 */
final class InboundFrameGuard implements ReadHandler {

	private static final int OPCODE_CONTINUATION = 0;

	private static final int OPCODE_CLOSE = 8;

	private final ReadHandler delegate;

	private final long maxMessageSize;

	private final TransportEvents events;

	private final ReadGate gate;

	private final Supplier<ReadControl> currentRead;

	private final byte[] header = new byte[14];

	private int headerLength;

	private int headerNeeded = 2;

	private int opcode;

	private boolean finalFrame;

	private long payloadRemaining;

	private long messageSize;

	private final ByteArrayOutputStream closePayload = new ByteArrayOutputStream();

	private boolean discarding;

	private ReadControl reads;

	private ByteBuffer held;

	/**
	 * Creates a guard.
	 * @param delegate Tyrus' read handler
	 * @param maxMessageSize the largest message let through
	 * @param events where the guard reports
	 * @param gate the gate to apply, or {@code null} for inline delivery, which is read on worker threads
	 * @param currentRead the reads of the connection this thread is reading, or {@code null} if none
	 */
	InboundFrameGuard(ReadHandler delegate, long maxMessageSize, TransportEvents events, ReadGate gate,
			Supplier<ReadControl> currentRead) {
		this.delegate = delegate;
		this.maxMessageSize = maxMessageSize;
		this.events = events;
		this.gate = gate;
		this.currentRead = currentRead;
	}

	@Override
	public void handle(ByteBuffer data) {
		if (this.reads == null && this.gate != null) {
			this.reads = this.currentRead.get();
		}
		if (this.held != null) {
			this.held = append(this.held, data);
			return;
		}
		int forwarded = data.position();
		int end = data.limit();
		int i = forwarded;
		while (i < end) {
			if (this.payloadRemaining > 0) {
				int count = (int) Math.min(this.payloadRemaining, end - i);
				if (this.opcode == OPCODE_CLOSE) {
					for (int j = i; j < i + count; j++) {
						this.closePayload.write(data.get(j));
					}
				}
				i += count;
				this.payloadRemaining -= count;
				if (this.payloadRemaining > 0) {
					continue;
				}
			}
			else {
				int frameStart = i - this.headerLength;
				this.header[this.headerLength++] = data.get(i++);
				if (this.headerLength == 2) {
					this.headerNeeded = 2 + extendedLengthBytes(this.header[1])
							+ (((this.header[1] & 0x80) != 0) ? 4 : 0);
				}
				if (this.headerLength < this.headerNeeded) {
					continue;
				}
				if (headerComplete() && !this.discarding) {
					this.discarding = true;
					forward(data, forwarded, Math.max(forwarded, frameStart));
					this.events.messageTooBig(this.messageSize, this.maxMessageSize);
				}
				if (this.payloadRemaining > 0) {
					continue;
				}
			}
			frameComplete();
			if (this.reads != null && !this.discarding && this.finalFrame && this.opcode < OPCODE_CLOSE) {
				forward(data, forwarded, i);
				forwarded = i;
				if (this.gate.isFull()) {
					suspend(data, i);
					return;
				}
			}
		}
		if (!this.discarding) {
			forward(data, forwarded, end);
		}
		data.position(end);
	}

	private void suspend(ByteBuffer data, int from) {
		this.held = ByteBuffer.allocate(data.limit() - from).put(data.position(from)).flip();
		this.reads.suspend();
		this.gate.whenRoom(() -> this.reads.onReadingThread(this::resume));
	}

	private void resume() {
		ByteBuffer pending = this.held;
		this.held = null;
		handle(pending);
		if (this.held == null) {
			this.reads.resume();
		}
	}

	private static ByteBuffer append(ByteBuffer held, ByteBuffer data) {
		ByteBuffer joined = ByteBuffer.allocate(held.remaining() + data.remaining());
		joined.put(held).put(data).flip();
		return joined;
	}

	private void forward(ByteBuffer data, int from, int to) {
		if (to > from) {
			int limit = data.limit();
			data.limit(to).position(from);
			this.delegate.handle(data);
			data.limit(limit).position(to);
		}
	}

	/**
	 * Parses the complete header.
	 * @return whether the frame makes its message too big
	 */
	private boolean headerComplete() {
		this.opcode = this.header[0] & 0x0F;
		this.finalFrame = (this.header[0] & 0x80) != 0;
		int lengthCode = this.header[1] & 0x7F;
		long length;
		if (lengthCode == 126) {
			length = ((this.header[2] & 0xFFL) << 8) | (this.header[3] & 0xFFL);
		}
		else if (lengthCode == 127) {
			length = 0;
			for (int k = 2; k < 10; k++) {
				length = (length << 8) | (this.header[k] & 0xFFL);
			}
		}
		else {
			length = lengthCode;
		}
		this.headerLength = 0;
		this.headerNeeded = 2;
		this.payloadRemaining = length;
		boolean tooBig = false;
		if (this.opcode < OPCODE_CLOSE) {
			this.messageSize = (this.opcode == OPCODE_CONTINUATION) ? this.messageSize + length : length;
			tooBig = this.messageSize > this.maxMessageSize;
		}
		else if (this.opcode == OPCODE_CLOSE) {
			this.closePayload.reset();
		}
		return tooBig;
	}

	private void frameComplete() {
		if (this.opcode == OPCODE_CLOSE) {
			byte[] payload = this.closePayload.toByteArray();
			int code = (payload.length >= 2) ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
			String reason = (payload.length > 2) ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
					: "";
			this.events.closeFrameReceived(code, reason);
		}
	}

	private static int extendedLengthBytes(byte secondByte) {
		int lengthCode = secondByte & 0x7F;
		return (lengthCode == 126) ? 2 : (lengthCode == 127) ? 8 : 0;
	}

}
