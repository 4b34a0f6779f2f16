package io.incore.websocket;

/**
 * Handle returned by {@code connect(...)} on a signal; disconnects that one listener.
 */
public interface SignalConnection {

	/**
	 * Removes the listener from its signal. Emissions already queued for delivery are not delivered to it
	 * any more. Calling it again has no effect.
	 */
	void disconnect();

	/**
	 * Tells whether the listener is still connected.
	 * @return {@code true} until {@link #disconnect()} was called
	 */
	boolean isConnected();

}
