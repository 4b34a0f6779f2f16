package io.incore.websocket.internal.session;

/**
 * What one connection tells its session: the only interface between the transport and the session. Called on the
 * transport's threads, one event at a time and in the order of the byte stream.
 */
public interface ConnectionListener {

	/**
	 * The opening handshake succeeded.
	 * @param connection the connection
	 * @param negotiatedSubProtocol the subprotocol the server selected, one the client offered (the transport refuses
	 * any other), {@code ""} for none
	 */
	void opened(Connection connection, String negotiatedSubProtocol);

	/**
	 * A text message arrived.
	 * @param message the text
	 * @param encodedLength its size in bytes, as received
	 */
	void textReceived(String message, long encodedLength);

	/**
	 * A binary message arrived.
	 * @param message the payload
	 */
	void binaryReceived(byte[] message);

	/**
	 * A pong arrived.
	 * @param payload its payload
	 */
	void pongReceived(byte[] payload);

	/**
	 * The server started the close handshake; {@link Connection#answerClose()} is to be called once the messages
	 * before it were delivered (the connection answers anyway after the close timeout).
	 * @param code the server's code, 1005 for none
	 * @param reason the server's reason
	 */
	void closeReceived(int code, String reason);

	/**
	 * The server broke the protocol; {@link Connection#fail()} is to be called once the messages before it were
	 * delivered (the connection fails anyway after the close timeout).
	 * @param closeCode the code the connection is failed with: 1002, 1007 or 1009
	 * @param description what the server did, as a sentence
	 */
	void protocolViolated(int closeCode, String description);

	/**
	 * The connection ended; called once.
	 * @param code the close code the application is told: the server's, ours when we failed the connection, 1006
	 * when no close frame came
	 * @param reason the reason that goes with it
	 */
	void closed(int code, String reason);

	/**
	 * The handshake or the transport failed.
	 * @param failure what failed
	 */
	void failed(Throwable failure);

}
