package io.incore.websocket.internal.session;

/**
 * Tells the {@link FrameReadHandler} when listeners have fallen behind, so that it stops reading.
 */
public interface ReadGate {

	/**
	 * Whether no further message should be read for now.
	 */
	boolean isFull();

	/**
	 * Runs the action, on any thread, once listeners have caught up (at once if they already have).
	 */
	void whenRoom(Runnable action);

}
