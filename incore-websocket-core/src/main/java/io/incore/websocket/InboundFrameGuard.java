package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.glassfish.tyrus.spi.ReadHandler;

/**
 * Sits in front of Tyrus' read handler, follows the frame headers of the incoming byte stream, and reads the
 * common messages itself.
 * <p>
 * Why: Tyrus buffers a whole frame before it looks at it and, past its incoming buffer, closes with 1011. This
 * guard sees the announced length in a frame header first. When a message would exceed the maximum size, it
 * stops handing bytes to Tyrus, so memory stays flat, and reports it; the connection then closes with 1009 as
 * RFC 6455 asks. It also picks up the code and reason of the server's close frame, which Tyrus does not expose
 * when the client started the close.
 * <p>
 * A text or binary message in one unfragmented, unmasked frame without reserved bits (nearly every message) is
 * read here and handed to {@link TransportEvents#textReceived} or {@link TransportEvents#binaryReceived}; Tyrus
 * never sees it. Its own path decodes UTF-8 one character at a time, sorts the session's message handlers and
 * restarts an idle timer for every message, and was most of a connection's reading cost. Everything else goes
 * to Tyrus unchanged and keeps its behaviour: control frames (Tyrus answers pings and runs the close handshake),
 * fragmented messages, every frame after the server's close frame, and every frame that breaks the protocol, so
 * that Tyrus closes with the code it always used. A text message that is not valid UTF-8 is passed to Tyrus too,
 * which closes with 1007.
 * <p>
 * When the connection is read on a selector thread ({@link TransportIOStrategy}), the guard also applies the
 * {@link ReadGate}: it hands on one message at a time, and once the gate is full it keeps the bytes already read
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

	private static final int OPCODE_TEXT = 1;

	private static final int OPCODE_BINARY = 2;

	private static final int OPCODE_CLOSE = 8;

	private static final int OPCODE_PING = 9;

	private static final int OPCODE_PONG = 10;

	private static final int MAX_CONTROL_PAYLOAD = 125;

	private static final int RESERVED_BITS = 0x70;

	private static final int MASK_BIT = 0x80;

	private final ReadHandler delegate;

	private final long maxMessageSize;

	private final TransportEvents events;

	private final ReadGate gate;

	private final Supplier<ReadControl> currentRead;

	private final byte[] header = new byte[14];

	private int headerLength;

	private int headerNeeded = 2;

	/** Bytes of the current header that came in earlier reads and were not passed on yet. */
	private int carried;

	private int opcode;

	private boolean finalFrame;

	private long payloadRemaining;

	private long messageSize;

	private final ByteArrayOutputStream closePayload = new ByteArrayOutputStream();

	private boolean discarding;

	/** Whether Tyrus is in the middle of a fragmented message. */
	private boolean tyrusFragment;

	/** Whether every frame goes to Tyrus from now on. */
	private boolean tyrusOnly;

	/** The payload of the message read here, while it is being read. */
	private byte[] message;

	private int messageFilled;

	private int messageHeaderLength;

	private ReadControl reads;

	private ByteBuffer held;

	/**
	 * Creates a guard.
	 * @param delegate Tyrus' read handler
	 * @param maxMessageSize the largest message let through
	 * @param events where the guard reports and delivers
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
				if (this.message != null) {
					data.get(i, this.message, this.messageFilled, count);
					this.messageFilled += count;
					forwarded = i + count;
				}
				else if (this.opcode == OPCODE_CLOSE) {
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
				this.header[this.headerLength++] = data.get(i++);
				if (this.headerLength == 2) {
					this.headerNeeded = 2 + extendedLengthBytes(this.header[1])
							+ (((this.header[1] & MASK_BIT) != 0) ? 4 : 0);
				}
				if (this.headerLength < this.headerNeeded) {
					continue;
				}
				forwarded = headerComplete(data, forwarded, i);
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
			forward(data, forwarded, end - (this.headerLength - this.carried));
			this.carried = this.headerLength;
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
	 * Parses the complete header and decides where the frame goes: to Tyrus, read here, or nowhere once a message
	 * was too big.
	 * @param data the buffer being read
	 * @param forwarded where the bytes not yet passed on start
	 * @param headerEnd the index just behind the header
	 * @return where the bytes not yet passed on start now
	 */
	private int headerComplete(ByteBuffer data, int forwarded, int headerEnd) {
		int frameStart = headerEnd - (this.headerLength - this.carried);
		int carriedBytes = this.carried;
		this.opcode = this.header[0] & 0x0F;
		this.finalFrame = (this.header[0] & 0x80) != 0;
		long length = payloadLength();
		this.messageHeaderLength = this.headerLength;
		this.headerLength = 0;
		this.headerNeeded = 2;
		this.carried = 0;
		this.payloadRemaining = length;
		if (this.opcode < OPCODE_CLOSE) {
			this.messageSize = (this.opcode == OPCODE_CONTINUATION) ? this.messageSize + length : length;
		}
		else if (this.opcode == OPCODE_CLOSE) {
			this.closePayload.reset();
		}
		if (this.discarding) {
			return forwarded;
		}
		if (this.opcode < OPCODE_CLOSE && this.messageSize > this.maxMessageSize) {
			this.discarding = true;
			forward(data, forwarded, frameStart);
			this.events.messageTooBig(this.messageSize, this.maxMessageSize);
			return forwarded;
		}
		if (readsItself()) {
			forward(data, forwarded, frameStart);
			this.message = new byte[(int) length];
			this.messageFilled = 0;
			return headerEnd;
		}
		if (carriedBytes > 0) {
			forward(data, forwarded, frameStart);
			this.delegate.handle(ByteBuffer.wrap(this.header, 0, carriedBytes));
			forwarded = frameStart;
		}
		return forwarded;
	}

	private long payloadLength() {
		int lengthCode = this.header[1] & 0x7F;
		if (lengthCode == 126) {
			return ((this.header[2] & 0xFFL) << 8) | (this.header[3] & 0xFFL);
		}
		if (lengthCode == 127) {
			long length = 0;
			for (int k = 2; k < 10; k++) {
				length = (length << 8) | (this.header[k] & 0xFFL);
			}
			return length;
		}
		return lengthCode;
	}

	/**
	 * Decides whether the guard reads the frame whose header is complete itself. If not, notes what passing it to
	 * Tyrus means for the frames after it: a fragmented message Tyrus reads to its end, and once Tyrus was given a
	 * frame that ends the connection (a close frame, or one that breaks the protocol), it is given everything.
	 */
	private boolean readsItself() {
		boolean clean = (this.header[0] & RESERVED_BITS) == 0 && (this.header[1] & MASK_BIT) == 0;
		boolean messageStart = this.opcode == OPCODE_TEXT || this.opcode == OPCODE_BINARY;
		if (clean && messageStart && !this.tyrusFragment && !this.tyrusOnly) {
			if (!this.finalFrame) {
				this.tyrusFragment = true;
				return false;
			}
			if (this.payloadRemaining < Integer.MAX_VALUE) {
				return true;
			}
		}
		else if (clean && this.opcode == OPCODE_CONTINUATION && this.tyrusFragment) {
			this.tyrusFragment = !this.finalFrame;
			return false;
		}
		else if (clean && (this.opcode == OPCODE_PING || this.opcode == OPCODE_PONG) && this.finalFrame
				&& this.payloadRemaining <= MAX_CONTROL_PAYLOAD) {
			return false;
		}
		this.tyrusOnly = true;
		return false;
	}

	private void frameComplete() {
		if (this.message != null) {
			byte[] payload = this.message;
			this.message = null;
			deliver(payload);
		}
		else if (this.opcode == OPCODE_CLOSE) {
			byte[] payload = this.closePayload.toByteArray();
			int code = (payload.length >= 2) ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
			String reason = (payload.length > 2) ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
					: "";
			this.events.closeFrameReceived(code, reason);
		}
	}

	private void deliver(byte[] payload) {
		if (this.opcode == OPCODE_BINARY) {
			this.events.binaryReceived(payload);
			return;
		}
		String text = Utf8.decode(payload);
		if (text != null) {
			this.events.textReceived(text, payload.length);
		}
		else {
			this.tyrusOnly = true;
			this.delegate.handle(ByteBuffer.allocate(this.messageHeaderLength + payload.length)
				.put(this.header, 0, this.messageHeaderLength)
				.put(payload)
				.flip());
		}
	}

	private static int extendedLengthBytes(byte secondByte) {
		int lengthCode = secondByte & 0x7F;
		return (lengthCode == 126) ? 2 : (lengthCode == 127) ? 8 : 0;
	}

}
