package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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
 * Not thread-safe: Grizzly hands one connection's reads to one thread at a time.
 */
final class InboundFrameGuard implements ReadHandler {

	private static final int OPCODE_CONTINUATION = 0;

	private static final int OPCODE_CLOSE = 8;

	private final ReadHandler delegate;

	private final long maxMessageSize;

	private final TransportEvents events;

	private final byte[] header = new byte[14];

	private int headerLength;

	private int headerNeeded = 2;

	private int opcode;

	private long payloadRemaining;

	private long messageSize;

	private final ByteArrayOutputStream closePayload = new ByteArrayOutputStream();

	private boolean discarding;

	InboundFrameGuard(ReadHandler delegate, long maxMessageSize, TransportEvents events) {
		this.delegate = delegate;
		this.maxMessageSize = maxMessageSize;
		this.events = events;
	}

	@Override
	public void handle(ByteBuffer data) {
		int start = data.position();
		int end = data.limit();
		int i = start;
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
				if (this.payloadRemaining == 0) {
					frameComplete();
				}
				continue;
			}
			int frameStart = i - this.headerLength;
			this.header[this.headerLength++] = data.get(i++);
			if (this.headerLength == 2) {
				this.headerNeeded = 2 + extendedLengthBytes(this.header[1]) + (((this.header[1] & 0x80) != 0) ? 4 : 0);
			}
			if (this.headerLength == this.headerNeeded) {
				if (headerComplete() && !this.discarding) {
					this.discarding = true;
					forward(data, start, Math.max(start, frameStart));
					this.events.messageTooBig(this.messageSize, this.maxMessageSize);
					start = end;
				}
			}
		}
		if (!this.discarding) {
			this.delegate.handle(data);
		}
		else {
			data.position(data.limit());
		}
	}

	private void forward(ByteBuffer data, int from, int to) {
		if (to > from) {
			ByteBuffer slice = data.duplicate();
			slice.position(from).limit(to);
			this.delegate.handle(slice);
		}
	}

	/**
	 * Parses the complete header.
	 * @return whether the frame makes its message too big
	 */
	private boolean headerComplete() {
		this.opcode = this.header[0] & 0x0F;
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
		if (length == 0) {
			frameComplete();
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
