package io.incore.websocket.internal.session;

import java.net.URI;
import java.util.List;

/**
 * Opens connections for a session; the transport implements it.
 */
public interface Connector {

	/**
	 * Starts connecting in the background; the outcome arrives at the listener. The transport stays up at least
	 * until {@link #release()} is called for this attempt.
	 * @param uri the server
	 * @param subProtocols the subprotocols to request, in order of preference; none for none
	 * @param reconnectAttempt the number of the attempt since the last stable connection, 0 for the first
	 * @param gate when to stop reading, or {@code null} for inline delivery
	 * @param listener receives the connection's events
	 * @return the connection, usable once {@link ConnectionListener#opened} was called
	 */
	Connection connect(URI uri, List<String> subProtocols, int reconnectAttempt, ReadGate gate,
			ConnectionListener listener);

	/**
	 * Ends one attempt's hold on the transport, once the session considers it over.
	 */
	void release();

	/**
	 * Tells what a failure of connecting to, or talking with, a server means for the application.
	 * @param failure the failure
	 * @param uri the server
	 * @return the error to report
	 */
	Failure classify(Throwable failure, URI uri);

	/**
	 * Whether the calling thread, which delivers a received message, may wait for listeners to catch up; a
	 * transport thread that serves many connections may not (its reads are gated instead).
	 * @return whether it may
	 */
	boolean mayWait();

}
