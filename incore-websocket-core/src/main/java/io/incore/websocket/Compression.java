package io.incore.websocket;

/**
 * Whether and how a {@link WebSocket} compresses its messages with permessage-deflate (RFC 7692). On by default:
 * the opening handshake offers the extension, and whether it is used is the server's choice, visible in
 * {@link WebSocket#getNegotiatedExtensions()}. Once agreed, the client compresses each text or binary message of
 * at least {@code threshold} bytes, and inflates what the server compressed, bounded by
 * {@link WebSocketOptions#maxMessageSize()} as it inflates.
 * <p>
 * Memory: a connection holds a compressor (about 256 KiB outside the heap) from its first compressed message
 * until it ends, and a decompressor (about 40 KiB) from the first compressed message it receives; an idle
 * connection holds neither. {@code clientNoContextTakeover} does not change that, but lets the server keep less.
 * <p>
 * Decision: the client never offers {@code client_max_window_bits}, since the JDK's deflater always uses the full
 * 32 KiB window and could not honour a smaller one (see the README).
 *
 * @param enabled whether the extension is offered
 * @param threshold the smallest message, in bytes (text counted in UTF-8), that is compressed; smaller ones are
 * sent as they are, where compressing costs more than the bytes it saves
 * @param clientNoContextTakeover whether the client offers to compress every message on its own, so that the
 * server need not keep its decompressor's window between messages (at the cost of a worse ratio)
 * @param serverNoContextTakeover whether the server is asked to compress every message on its own; a server that
 * will not is then not used with compression
 * @param serverMaxWindowBits the largest window the server is asked to compress with, 8 to 15, or 0 to leave it
 * to the server
 */
public record Compression(boolean enabled, int threshold, boolean clientNoContextTakeover,
		boolean serverNoContextTakeover, int serverMaxWindowBits) {

	/**
	 * The default threshold: messages from 256 bytes on are compressed. Below it the fixed cost of compressing a
	 * message outweighs the few bytes it saves (see the compression threshold in BENCHMARKS.md).
	 */
	public static final int DEFAULT_THRESHOLD = 256;

	/** Offered, with the default threshold and no parameters: the default. */
	public static final Compression DEFAULT = new Compression(true, DEFAULT_THRESHOLD, false, false, 0);

	/** Not offered: every message is sent as it is. */
	public static final Compression OFF = new Compression(false, DEFAULT_THRESHOLD, false, false, 0);

	/**
	 * Validates the settings.
	 * @param enabled whether the extension is offered
	 * @param threshold the smallest message compressed, 0 or more
	 * @param clientNoContextTakeover whether every message is compressed on its own
	 * @param serverNoContextTakeover whether the server is asked to compress every message on its own
	 * @param serverMaxWindowBits 8 to 15, or 0
	 */
	public Compression {
		InvalidOptionException.require(threshold >= 0, "threshold", threshold, "the size cannot be negative",
				"a size such as 256B, or 0 to compress every message");
		InvalidOptionException.require(serverMaxWindowBits == 0 || (serverMaxWindowBits >= 8 && serverMaxWindowBits <= 15),
				"serverMaxWindowBits", serverMaxWindowBits, "a DEFLATE window is 8 to 15 bits",
				"a number from 8 to 15, or 0 to leave the window to the server");
	}

}
