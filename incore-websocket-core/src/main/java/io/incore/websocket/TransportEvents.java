package io.incore.websocket;

/**
 * What the byte-level guards of one connection tell the connection, on Grizzly's threads.
 */
interface TransportEvents {

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
