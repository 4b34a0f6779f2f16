package io.incore.websocket;

/**
 * What the byte-level parts of one connection tell the connection: its frame guard, on Grizzly's threads, one
 * event at a time and in the order of the byte stream, and its {@link OutgoingFrames}, from the flush pool.
 */
interface TransportEvents {

	/**
	 * A whole text message the frame guard read itself.
	 * @param message the text
	 * @param encodedLength its size in bytes, as received
	 */
	void textReceived(String message, int encodedLength);

	/**
	 * A whole binary message the frame guard read itself.
	 */
	void binaryReceived(byte[] message);

	/**
	 * A frame header announced a message larger than allowed; nothing more reaches Tyrus.
	 */
	void messageTooBig(long announcedSize, long maxMessageSize);

	/**
	 * The server's close frame arrived.
	 */
	void closeFrameReceived(int code, String reason);

	/**
	 * The TCP connection was closed.
	 */
	void transportClosed();

	/**
	 * Writing frames that were held to leave together failed; their senders had returned already.
	 */
	void heldFramesFailed(Throwable failure);

}
