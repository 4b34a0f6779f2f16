package io.incore.websocket.internal.transport;

/**
 * Controls the reads of one connection from its socket, for the {@link FrameReadHandler}.
 */
interface ReadControl {

	/**
	 * Stops reading from the socket; data the server sends meanwhile waits in the socket, and TCP flow control
	 * slows the server down.
	 */
	void suspend();

	/**
	 * Runs a task on the thread that reads this connection, in turn with its reads.
	 */
	void onReadingThread(Runnable task);

	/**
	 * Reads from the socket again.
	 */
	void resume();

}
