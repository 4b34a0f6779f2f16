package io.incore.websocket;

/**
 * Holds messages sent while a {@link WebSocket} is not open but is going to be (connecting, or closed and waiting
 * to reconnect), and sends them in order on the next {@code Open}, after the {@linkplain ConnectMessages messages
 * sent on every connect} and before anything sent after the reconnect. Off unless configured
 * ({@link WebSocketOptions#sendBuffer()}).
 * <p>
 * A buffered send returns the message's byte count, as a send on an open connection does. Nothing is buffered
 * once the connection is no longer wanted ({@code disconnectFromHost()}, {@code close()}, or reconnecting gave up);
 * then a send is refused with {@code -1} and {@code NotOpenError}, as without a buffer, and what was still buffered
 * is dropped and counted ({@link WebSocketStatistics#bufferedDropped()}).
 *
 * @param maxMessages the most messages held, positive
 * @param maxBytes the most payload bytes held (text counted in UTF-8), positive
 * @param overflow what a send does when the buffer is full
 */
public record SendBuffer(int maxMessages, long maxBytes, Overflow overflow) {

	/** The message bound a configuration uses when it sets only the byte bound: 1024. */
	public static final int DEFAULT_MAX_MESSAGES = 1024;

	/** The byte bound a configuration uses when it sets only the message bound: 1 MiB. */
	public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

	/**
	 * Validates the buffer's bounds.
	 * @param maxMessages the most messages held
	 * @param maxBytes the most payload bytes held
	 * @param overflow what a send does when the buffer is full
	 */
	public SendBuffer {
		InvalidOptionException.require(maxMessages > 0, "maxMessages", maxMessages, "at least one message must fit",
				"a positive number, e.g. 1024");
		InvalidOptionException.require(maxBytes > 0, "maxBytes", maxBytes, "the size must be positive",
				"a size such as 64KB or 1MB");
		InvalidOptionException.require(overflow != null, "overflow", null, "it is missing", "reject or drop-oldest");
	}

	/**
	 * What a send does when the buffer is full.
	 */
	public enum Overflow {

		/** The send is refused as on a closed socket: {@code -1} and {@code NotOpenError}, as the seed says. */
		REJECT,

		/** The oldest buffered messages are dropped, and counted, until the new one fits. */
		DROP_OLDEST

	}

}
