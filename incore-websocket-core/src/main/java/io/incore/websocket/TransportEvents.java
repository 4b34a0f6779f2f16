package io.incore.websocket;

/**
 * What the byte-level guards of one connection tell the connection, on Grizzly's threads, one at a time and in
 * the order of the byte stream.
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

}
