package io.incore.websocket.internal.session;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One connection as the session drives it; the transport implements it. Every method may be called from any
 * thread and never blocks on the server, except a send, which waits until its frame is written (or held, see the
 * transport).
 */
public interface Connection {

	/**
	 * Sends a text message.
	 * @param message the text
	 * @return its size in UTF-8 bytes, as sent
	 * @throws IOException if the connection cannot send, or writing failed
	 */
	int sendText(String message) throws IOException;

	/**
	 * Sends a binary message.
	 * @param message the payload
	 * @throws IOException if the connection cannot send, or writing failed
	 */
	void sendBinary(byte[] message) throws IOException;

	/**
	 * Sends a ping.
	 * @param payload at most 125 bytes
	 * @throws IOException if the connection cannot send, or writing failed
	 */
	void sendPing(byte[] payload) throws IOException;

	/**
	 * Sends an unsolicited pong (RFC 6455 section 5.5.3: a one-way heartbeat).
	 * @param payload at most 125 bytes
	 * @throws IOException if the connection cannot send, or writing failed
	 */
	void sendPong(byte[] payload) throws IOException;

	/**
	 * Returns the URL the connection reached, after the redirects of its opening handshake.
	 * @return the URL, {@code null} before it opened
	 */
	URI uri();

	/**
	 * Returns the extensions the server agreed to in the opening handshake, each as its header value names it,
	 * e.g. {@code permessage-deflate; server_no_context_takeover}.
	 * @return the extensions, empty if none
	 */
	List<String> extensions();

	/**
	 * Starts the close handshake: sends a close frame and waits at most the close timeout for the server's.
	 * @param code the close code
	 * @param reason the close reason
	 */
	void close(int code, String reason);

	/**
	 * Answers the server's close frame, once the messages before it were delivered; see
	 * {@link ConnectionListener#closeReceived}.
	 */
	void answerClose();

	/**
	 * Fails the connection after a protocol violation, once the messages before it were delivered; see
	 * {@link ConnectionListener#protocolViolated}.
	 */
	void fail();

	/**
	 * Drops the connection without waiting for the server; nothing is reported afterwards.
	 * @param code the close code to send, if a close frame can still be sent
	 * @param reason the close reason
	 */
	void terminate(int code, String reason);

	/**
	 * Gives the attempt up: a connection that opens later is dropped at once.
	 */
	void abandon();

}
