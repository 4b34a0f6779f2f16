package io.incore.websocket.internal.frame;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses the messages a client sends with permessage-deflate (RFC 7692 section 7.2.1): each message is
 * deflated and flushed to a byte boundary, and the empty stored block the flush ends with is removed.
 * <p>
 * One {@link Deflater} per connection, created with the first compressed message, so an idle connection holds
 * none. It keeps its window between messages (later messages refer back to earlier ones) unless
 * {@code client_no_context_takeover} was agreed. Not thread-safe: the connection calls it under its send lock, in
 * the order the frames leave.
 * <p>
 * Decision: the fastest level ({@link Deflater#BEST_SPEED}). On JSON-like messages it costs less than half the
 * time of the default level for about a fifth more compressed bytes (BENCHMARKS.md, compression threshold).
 */
public final class MessageDeflater {

	private final boolean resetAfterMessage;

	private Deflater deflater;

	/**
	 * Creates the deflater of one connection.
	 * @param resetAfterMessage whether every message is compressed on its own
	 */
	public MessageDeflater(boolean resetAfterMessage) {
		this.resetAfterMessage = resetAfterMessage;
	}

	/**
	 * Compresses one message.
	 * @param message the payload
	 * @return the compressed payload, to be sent with RSV1 set
	 */
	public byte[] deflate(byte[] message) {
		if (this.deflater == null) {
			this.deflater = new Deflater(Deflater.BEST_SPEED, true);
		}
		this.deflater.setInput(message);
		byte[] output = new byte[message.length / 2 + 64];
		int filled = 0;
		while (true) {
			filled += this.deflater.deflate(output, filled, output.length - filled, Deflater.SYNC_FLUSH);
			if (filled < output.length) {
				break;
			}
			output = Arrays.copyOf(output, output.length * 2);
		}
		if (this.resetAfterMessage) {
			this.deflater.reset();
		}
		return Arrays.copyOf(output, endsWithTail(output, filled) ? filled - 4 : filled);
	}

	private static boolean endsWithTail(byte[] output, int filled) {
		return filled >= 4 && output[filled - 4] == 0 && output[filled - 3] == 0 && output[filled - 2] == (byte) 0xFF
				&& output[filled - 1] == (byte) 0xFF;
	}

	/**
	 * Frees the native memory of the deflater; nothing is compressed after.
	 */
	public void release() {
		if (this.deflater != null) {
			this.deflater.end();
			this.deflater = null;
		}
	}

}
