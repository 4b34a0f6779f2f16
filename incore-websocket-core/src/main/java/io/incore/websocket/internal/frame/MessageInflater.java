package io.incore.websocket.internal.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the messages a server compressed with permessage-deflate (RFC 7692 section 7.2.2) as their bytes
 * arrive, into a buffer that never grows past the maximum message size plus one byte: a small frame that would
 * inflate further is stopped there, never held whole.
 * <p>
 * One {@link Inflater} per connection, created with the first compressed message, so an idle connection holds
 * none; it keeps the window between messages unless the server compresses each on its own. A server that ends a
 * message with a final DEFLATE block starts a new stream with its next bytes, so the inflater starts afresh there.
 * Not thread-safe: used by the connection's reader only.
 */
final class MessageInflater {

	/** The empty stored block that every compressed message ends with, removed by the sender (section 7.2.1). */
	private static final byte[] TAIL = { 0, 0, (byte) 0xFF, (byte) 0xFF };

	private final boolean resetAfterMessage;

	private final long maxMessageSize;

	private Inflater inflater;

	private byte[] output;

	private int filled;

	/**
	 * Whether bytes went into the inflater since its stream was last at a boundary: after the tail of a message,
	 * or at the start of a stream.
	 */
	private boolean midStream;

	private String failure;

	/**
	 * Creates the inflater of one connection.
	 * @param resetAfterMessage whether the server compresses each message on its own
	 * @param maxMessageSize the largest inflated message accepted
	 */
	MessageInflater(boolean resetAfterMessage, long maxMessageSize) {
		this.resetAfterMessage = resetAfterMessage;
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Starts a message.
	 * @param expected the size of its first frame, a hint for the first buffer
	 */
	void start(long expected) {
		if (this.inflater == null) {
			this.inflater = new Inflater(true);
		}
		// What a header claims is only a hint: the buffer grows with what is inflated (FrameReader's decision).
		long hint = Math.min(FrameReader.INITIAL_MESSAGE_CAPACITY, Math.max(256, 4 * expected));
		this.output = new byte[(int) Math.min(this.maxMessageSize + 1, hint)];
		this.filled = 0;
	}

	/**
	 * Inflates compressed bytes of the message, all of them.
	 * @param compressed the bytes; its position moves to its limit
	 * @return {@link Outcome#MORE} normally, or why the message cannot be taken
	 */
	Outcome inflate(ByteBuffer compressed) {
		this.midStream |= compressed.hasRemaining();
		this.inflater.setInput(compressed);
		while (true) {
			if (this.filled == this.output.length) {
				if (this.output.length > this.maxMessageSize) {
					return Outcome.TOO_BIG;
				}
				grow();
			}
			int count;
			try {
				count = this.inflater.inflate(this.output, this.filled, this.output.length - this.filled);
			}
			catch (DataFormatException ex) {
				this.failure = ex.getMessage();
				return Outcome.CORRUPT;
			}
			this.filled += count;
			if (this.filled > this.maxMessageSize) {
				return Outcome.TOO_BIG;
			}
			if (this.inflater.finished()) {
				this.inflater.reset();
				this.midStream = compressed.hasRemaining();
				if (!this.midStream) {
					return Outcome.MORE;
				}
				this.inflater.setInput(compressed);
			}
			else if (count == 0 && this.filled < this.output.length) {
				if (this.inflater.needsDictionary()) {
					this.failure = "it asks for a preset dictionary";
					return Outcome.CORRUPT;
				}
				return Outcome.MORE;
			}
		}
	}

	/**
	 * Ends the message: inflates the tail the sender removed. A message that ended its stream with a final block,
	 * or had no bytes at all, has no tail to inflate: the stream is at a boundary already.
	 * @return {@link Outcome#MORE} if the message is whole, or why it cannot be taken
	 */
	Outcome finish() {
		Outcome outcome = Outcome.MORE;
		if (this.midStream) {
			outcome = inflate(ByteBuffer.wrap(TAIL));
			this.midStream = false;
		}
		if (this.resetAfterMessage) {
			this.inflater.reset();
		}
		return outcome;
	}

	/**
	 * Returns the buffer the message was inflated into.
	 * @return the buffer, filled up to {@link #size()}
	 */
	byte[] buffer() {
		return this.output;
	}

	/**
	 * Returns the message's inflated size so far.
	 * @return the size in bytes
	 */
	int size() {
		return this.filled;
	}

	/**
	 * Takes the inflated message and forgets it.
	 * @return the message, exactly its size
	 */
	byte[] take() {
		byte[] message = (this.filled == this.output.length) ? this.output
				: Arrays.copyOf(this.output, this.filled);
		this.output = null;
		this.filled = 0;
		return message;
	}

	/**
	 * Says why the last message did not inflate.
	 * @return the inflater's message
	 */
	String failure() {
		return (this.failure != null) ? this.failure : "invalid data";
	}

	/**
	 * Frees the native memory of the inflater; nothing is inflated after.
	 */
	void release() {
		if (this.inflater != null) {
			this.inflater.end();
		}
		this.output = null;
	}

	private void grow() {
		long doubled = Math.min(2L * this.output.length, this.maxMessageSize + 1);
		this.output = Arrays.copyOf(this.output, (int) doubled);
	}

	/**
	 * What became of the bytes inflated.
	 */
	enum Outcome {

		/** Inflated; the message goes on or is whole. */
		MORE,

		/** The message inflates past the maximum message size. */
		TOO_BIG,

		/** The bytes are not a valid DEFLATE stream. */
		CORRUPT

	}

}
