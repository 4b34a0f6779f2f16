package io.incore.websocket.internal.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads every frame a server sends after the opening handshake: a push parser that takes the bytes as they come,
 * in pieces of any size, and reports whole messages, control frames and the first protocol violation to its
 * {@link Listener}. Pure code: no I/O, no threads, no clock.
 * <p>
 * It owns every check RFC 6455 asks of a client, each judged as early as the bytes allow:
 * <ul>
 * <li>1002: reserved bits without an extension (with permessage-deflate, RSV1 anywhere but on the first frame of
 * a data message), a reserved opcode, a masked frame (section 5.1), a control frame
 * that is fragmented or longer than 125 bytes, a continuation without a message to continue, a new message inside a
 * fragmented one, a 64-bit length with its most significant bit set, a close frame with a one-byte payload or a
 * code a peer may not send;</li>
 * <li>1007: text that is not UTF-8, found at the first invalid byte, also inside fragments and across reads; a
 * close reason that is not UTF-8;</li>
 * <li>1009: a message larger than the maximum size, judged from the frame header (for a fragmented message from
 * its running total), so the claimed bytes are never allocated or waited for.</li>
 * </ul>
 * With permessage-deflate agreed, a compressed message (RSV1 on its first frame) is inflated as its bytes arrive
 * ({@link MessageInflater}), and the checks apply to what it inflates to: 1009 as soon as it inflates past the
 * maximum size, 1007 at its first invalid UTF-8 byte, and 1007 for bytes that are not a DEFLATE stream (RFC 7692
 * names no code; 1007 is the code for data inconsistent with its message). Its compressed bytes are bounded too,
 * by the maximum size plus what DEFLATE may add to data that does not compress.
 * After a close frame or a violation the reader is done: it reads nothing more, so nothing received after either
 * reaches the listener. Decision: a length not in its shortest form is accepted (RFC 6455 asks it of senders, and
 * rejecting it protects nothing).
 * <p>
 * {@link #pause()} lets a caller stop after the message being delivered, e.g. when listeners fell behind; the
 * unread bytes stay in the buffer for the next {@link #read}. Not thread-safe: one connection's reads come one at a
 * time.
 */
public final class FrameReader {

	private static final int MAX_HEADER = 14;

	/**
	 * The most a message's buffer holds before its bytes arrive. Decision: the buffer grows with the bytes received
	 * (doubling, up to the end of a final frame, so a message that comes whole fills it exactly), never with what a
	 * frame header claims, so a header that announces a large payload costs the client nothing until the payload
	 * comes: ten bytes cannot make it allocate the maximum message size.
	 */
	static final int INITIAL_MESSAGE_CAPACITY = 64 * 1024;

	private final long maxMessageSize;

	private final Listener listener;

	private final byte[] header = new byte[MAX_HEADER];

	private int headerLength;

	private int headerNeeded = 2;

	private boolean inPayload;

	private int opcode;

	private boolean fin;

	private long payloadRemaining;

	/** The payload of the control frame being read. */
	private byte[] control;

	private int controlFilled;

	/** The opcode of the message being read, 0 between messages. */
	private int messageOpcode;

	private byte[] message;

	private int messageFilled;

	private final Utf8Validator utf8 = new Utf8Validator();

	/** Inflates compressed messages, {@code null} without permessage-deflate. */
	private final MessageInflater inflater;

	/** Whether the frame being read has RSV1 set. */
	private boolean compressedFrame;

	/** Whether the message being read is compressed. */
	private boolean compressed;

	/** The compressed bytes of the message being read, if it is compressed. */
	private long compressedSize;

	private boolean paused;

	private boolean done;

	/**
	 * Creates a reader.
	 * @param maxMessageSize the largest message accepted, in bytes, at most {@code Integer.MAX_VALUE - 8}
	 * @param listener receives what is read
	 */
	public FrameReader(long maxMessageSize, Listener listener) {
		this(maxMessageSize, null, listener);
	}

	/**
	 * Creates a reader for a connection that may have agreed on permessage-deflate.
	 * @param maxMessageSize the largest message accepted, in bytes, at most {@code Integer.MAX_VALUE - 64}, for a
	 * compressed message once inflated
	 * @param deflate what was agreed, or {@code null} if the extension is not in use
	 * @param listener receives what is read
	 */
	public FrameReader(long maxMessageSize, PerMessageDeflate.Agreement deflate, Listener listener) {
		this.maxMessageSize = maxMessageSize;
		this.listener = listener;
		this.inflater = (deflate != null) ? new MessageInflater(deflate.serverNoContextTakeover(), maxMessageSize)
				: null;
	}

	/**
	 * Reads the bytes from the buffer's position to its limit, and leaves the position behind the last byte read:
	 * at the limit, unless the reader was paused or is done.
	 * @param data the bytes received
	 */
	public void read(ByteBuffer data) {
		this.paused = false;
		while (data.hasRemaining() && !this.paused && !this.done) {
			if (this.inPayload) {
				readPayload(data);
			}
			else {
				readHeader(data);
			}
		}
	}

	/**
	 * Makes the running {@link #read} return after the message or control frame being delivered; called from a
	 * listener.
	 */
	public void pause() {
		this.paused = true;
	}

	/**
	 * Whether the reader has read a close frame or found a violation, and so reads nothing more.
	 * @return whether it is done
	 */
	public boolean isDone() {
		return this.done;
	}

	/**
	 * Frees what the reader holds outside the heap (a decompressor); called once the connection is gone, after
	 * which nothing more is read.
	 */
	public void release() {
		this.done = true;
		if (this.inflater != null) {
			this.inflater.release();
		}
	}

	private void readHeader(ByteBuffer data) {
		while (this.headerLength < this.headerNeeded && data.hasRemaining()) {
			this.header[this.headerLength++] = data.get();
			if (this.headerLength == 1 && !firstByteValid()) {
				return;
			}
			if (this.headerLength == 2 && !secondByteValid()) {
				return;
			}
		}
		if (this.headerLength == this.headerNeeded) {
			headerComplete();
		}
	}

	private boolean firstByteValid() {
		int first = this.header[0] & 0xFF;
		this.fin = (first & Rfc6455.FIN) != 0;
		this.opcode = first & 0x0F;
		this.compressedFrame = (first & Rfc6455.RSV1) != 0 && this.inflater != null;
		if ((first & Rfc6455.RESERVED_BITS & ((this.inflater != null) ? ~Rfc6455.RSV1 : ~0)) != 0) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a frame with reserved bits set that no negotiated "
					+ "extension defines");
		}
		if (this.opcode > Rfc6455.OPCODE_BINARY && this.opcode != Rfc6455.OPCODE_CLOSE
				&& this.opcode != Rfc6455.OPCODE_PING && this.opcode != Rfc6455.OPCODE_PONG) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a frame with the reserved opcode " + this.opcode);
		}
		if (Rfc6455.isControl(this.opcode) && !this.fin) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a fragmented control frame");
		}
		if (this.opcode == Rfc6455.OPCODE_CONTINUATION && this.messageOpcode == 0) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a continuation frame without a message to continue");
		}
		if ((this.opcode == Rfc6455.OPCODE_TEXT || this.opcode == Rfc6455.OPCODE_BINARY) && this.messageOpcode != 0) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a new message inside a fragmented message");
		}
		if (this.compressedFrame && (Rfc6455.isControl(this.opcode) || this.opcode == Rfc6455.OPCODE_CONTINUATION)) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "RSV1 (compressed) on a "
					+ (Rfc6455.isControl(this.opcode) ? "control" : "continuation") + " frame, where permessage-deflate "
					+ "does not allow it");
		}
		return true;
	}

	private boolean secondByteValid() {
		int second = this.header[1] & 0xFF;
		if ((second & Rfc6455.MASK) != 0) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a masked frame (a server must not mask its frames)");
		}
		int lengthCode = second & 0x7F;
		if (Rfc6455.isControl(this.opcode) && lengthCode > Rfc6455.MAX_CONTROL_PAYLOAD) {
			return violated(Rfc6455.CLOSE_PROTOCOL_ERROR,
					"a control frame longer than " + Rfc6455.MAX_CONTROL_PAYLOAD + " bytes");
		}
		this.headerNeeded = 2 + ((lengthCode == 126) ? 2 : (lengthCode == 127) ? 8 : 0);
		return true;
	}

	private void headerComplete() {
		this.headerLength = 0;
		this.headerNeeded = 2;
		long length = payloadLength();
		if (length < 0) {
			violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a frame length with its most significant bit set");
			return;
		}
		if (Rfc6455.isControl(this.opcode)) {
			this.control = new byte[(int) length];
			this.controlFilled = 0;
		}
		else if (!startData(length)) {
			return;
		}
		this.payloadRemaining = length;
		this.inPayload = true;
		if (length == 0) {
			frameComplete();
		}
	}

	private long payloadLength() {
		int lengthCode = this.header[1] & 0x7F;
		if (lengthCode == 126) {
			return ((this.header[2] & 0xFFL) << 8) | (this.header[3] & 0xFFL);
		}
		if (lengthCode == 127) {
			long length = 0;
			for (int i = 2; i < 10; i++) {
				length = (length << 8) | (this.header[i] & 0xFFL);
			}
			return length;
		}
		return lengthCode;
	}

	/**
	 * Makes room for a data frame's payload, once its message is known to stay within the maximum size.
	 */
	private boolean startData(long length) {
		if (this.opcode != Rfc6455.OPCODE_CONTINUATION) {
			this.compressed = this.compressedFrame;
			this.compressedSize = 0;
		}
		if (this.compressed) {
			return startCompressedData(length);
		}
		long total = this.messageFilled + length;
		if (total > this.maxMessageSize) {
			violated(Rfc6455.CLOSE_TOO_BIG, "a message of " + ((this.fin) ? "" : "at least ") + total
					+ " bytes, more than the maximum message size of " + this.maxMessageSize + " bytes");
			return false;
		}
		if (this.opcode != Rfc6455.OPCODE_CONTINUATION) {
			this.messageOpcode = this.opcode;
			this.messageFilled = 0;
			this.message = new byte[(int) Math.min(length, INITIAL_MESSAGE_CAPACITY)];
		}
		return true;
	}

	/**
	 * Makes room in the message's buffer for the bytes about to be copied: twice the buffer, within the end of the
	 * frame if it ends the message, else within the maximum message size.
	 */
	private void makeRoom(int count) {
		int needed = this.messageFilled + count;
		if (needed > this.message.length) {
			long limit = this.fin ? this.messageFilled + this.payloadRemaining : this.maxMessageSize;
			long capacity = Math.max(needed, Math.min(2L * this.message.length, limit));
			this.message = Arrays.copyOf(this.message, (int) capacity);
		}
	}

	/**
	 * Starts a frame of a compressed message; its bytes go to the inflater as they come, and are bounded by the
	 * maximum size plus what DEFLATE adds to incompressible data (5 bytes per 64 KiB block, here 1/8192 and 64).
	 */
	private boolean startCompressedData(long length) {
		this.compressedSize += length;
		long limit = this.maxMessageSize + this.maxMessageSize / 8192 + 64;
		if (this.compressedSize > limit) {
			violated(Rfc6455.CLOSE_TOO_BIG, "a compressed message of " + ((this.fin) ? "" : "at least ")
					+ this.compressedSize + " bytes, more than the maximum message size of " + this.maxMessageSize
					+ " bytes allows");
			return false;
		}
		if (this.opcode != Rfc6455.OPCODE_CONTINUATION) {
			this.messageOpcode = this.opcode;
			this.inflater.start(length);
		}
		return true;
	}

	private void readPayload(ByteBuffer data) {
		int count = (int) Math.min(this.payloadRemaining, data.remaining());
		if (Rfc6455.isControl(this.opcode)) {
			data.get(this.control, this.controlFilled, count);
			this.controlFilled += count;
		}
		else if (this.compressed) {
			int from = this.inflater.size();
			ByteBuffer chunk = data.slice(data.position(), count);
			data.position(data.position() + count);
			if (!inflated(this.inflater.inflate(chunk)) || !utf8Valid(this.inflater.buffer(), from,
					this.inflater.size())) {
				return;
			}
		}
		else {
			int from = this.messageFilled;
			makeRoom(count);
			data.get(this.message, from, count);
			this.messageFilled += count;
			if (!utf8Valid(this.message, from, this.messageFilled)) {
				return;
			}
		}
		this.payloadRemaining -= count;
		if (this.payloadRemaining == 0) {
			frameComplete();
		}
	}

	/**
	 * Checks the bytes of a text message from {@code from} to {@code to}; fails the connection at an invalid one.
	 */
	private boolean utf8Valid(byte[] bytes, int from, int to) {
		if (this.messageOpcode != Rfc6455.OPCODE_TEXT) {
			return true;
		}
		int invalid = this.utf8.check(bytes, from, to);
		if (invalid >= 0) {
			violated(Rfc6455.CLOSE_INVALID_PAYLOAD,
					"a text message that is not UTF-8 (invalid byte at offset " + invalid + ")");
			return false;
		}
		return true;
	}

	private boolean inflated(MessageInflater.Outcome outcome) {
		return switch (outcome) {
			case MORE -> true;
			case TOO_BIG -> violated(Rfc6455.CLOSE_TOO_BIG, "a compressed message that inflates to more than the "
					+ "maximum message size of " + this.maxMessageSize + " bytes");
			case CORRUPT -> violated(Rfc6455.CLOSE_INVALID_PAYLOAD, "a compressed message that does not inflate ("
					+ this.inflater.failure() + ")");
		};
	}

	private void frameComplete() {
		this.inPayload = false;
		switch (this.opcode) {
			case Rfc6455.OPCODE_PING -> this.listener.pingReceived(this.control);
			case Rfc6455.OPCODE_PONG -> this.listener.pongReceived(this.control);
			case Rfc6455.OPCODE_CLOSE -> closeComplete(this.control);
			default -> {
				if (this.fin) {
					messageComplete();
				}
			}
		}
		this.control = null;
	}

	private void messageComplete() {
		byte[] payload;
		if (this.compressed) {
			int from = this.inflater.size();
			if (!inflated(this.inflater.finish()) || !utf8Valid(this.inflater.buffer(), from, this.inflater.size())) {
				return;
			}
			payload = this.inflater.take();
		}
		else {
			payload = (this.messageFilled == this.message.length) ? this.message
					: Arrays.copyOf(this.message, this.messageFilled);
		}
		int opcodeOfMessage = this.messageOpcode;
		this.message = null;
		this.messageFilled = 0;
		this.messageOpcode = 0;
		if (opcodeOfMessage == Rfc6455.OPCODE_BINARY) {
			this.listener.binaryReceived(payload);
			return;
		}
		boolean complete = this.utf8.isComplete();
		this.utf8.reset();
		if (!complete) {
			violated(Rfc6455.CLOSE_INVALID_PAYLOAD, "a text message that is not UTF-8 (it ends inside a character)");
			return;
		}
		this.listener.textReceived(new String(payload, StandardCharsets.UTF_8), payload.length);
	}

	private void closeComplete(byte[] payload) {
		if (payload.length == 0) {
			this.done = true;
			this.listener.closeReceived(Rfc6455.CLOSE_NO_STATUS, "");
			return;
		}
		if (payload.length == 1) {
			violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a close frame with a one-byte payload");
			return;
		}
		int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
		if (!Rfc6455.isValidCloseCode(code)) {
			violated(Rfc6455.CLOSE_PROTOCOL_ERROR, "a close frame with the code " + code
					+ ", which a peer may not send");
			return;
		}
		byte[] reason = Arrays.copyOfRange(payload, 2, payload.length);
		if (!Utf8Validator.isValid(reason)) {
			violated(Rfc6455.CLOSE_INVALID_PAYLOAD, "a close frame whose reason is not UTF-8");
			return;
		}
		this.done = true;
		this.listener.closeReceived(code, new String(reason, StandardCharsets.UTF_8));
	}

	private boolean violated(int code, String description) {
		this.done = true;
		this.listener.protocolViolated(code, "The server sent " + description);
		return false;
	}

	/**
	 * Receives what a {@link FrameReader} reads, on the thread that calls {@link FrameReader#read}, in the order of
	 * the byte stream.
	 */
	public interface Listener {

		/**
		 * A whole text message.
		 * @param text the text
		 * @param encodedLength its size in bytes, UTF-8 encoded (once inflated, if it came compressed)
		 */
		void textReceived(String text, int encodedLength);

		/**
		 * A whole binary message.
		 * @param message the payload
		 */
		void binaryReceived(byte[] message);

		/**
		 * A ping, to be answered with a pong carrying the same payload.
		 * @param payload the payload, at most 125 bytes
		 */
		void pingReceived(byte[] payload);

		/**
		 * A pong.
		 * @param payload the payload, at most 125 bytes
		 */
		void pongReceived(byte[] payload);

		/**
		 * A valid close frame; nothing more is read.
		 * @param code its code, {@link Rfc6455#CLOSE_NO_STATUS} for an empty payload
		 * @param reason its reason, possibly empty
		 */
		void closeReceived(int code, String reason);

		/**
		 * The server broke the protocol; nothing more is read, and the connection is to be failed.
		 * @param closeCode the code to close with: 1002, 1007 or 1009
		 * @param description what the server did, as a sentence
		 */
		void protocolViolated(int closeCode, String description);

	}

}
