package io.incore.websocket;

import java.net.URI;
import java.util.Map;

/**
 * Computes HTTP headers for each opening handshake, e.g. a bearer token that expires and must be fetched anew:
 * called before every connection attempt, reconnects included, and its headers are added to (and win over) the
 * static ones of {@link WebSocketOptions#headers()}.
 * <p>
 * It may be slow (a call to a token service): it runs on a thread of its own, never on a transport thread or under
 * the socket's lock, and must answer within the handshake timeout. If it throws or does not answer in time, the
 * attempt fails with {@link IpSocketError#SocketAccessError} and the reconnect policy applies; so does an attempt
 * whose headers name one the handshake sets itself, as {@link WebSocketOptions#headers()} may not either. With a
 * provider, a refusal with 401 or 403 is retried per the reconnect policy, since the next attempt may carry new
 * credentials.
 */
@FunctionalInterface
public interface HandshakeHeadersProvider {

	/**
	 * Returns the headers of one attempt.
	 * @param uri the URL the attempt connects to
	 * @param reconnectAttempt the number of the attempt since the last stable connection, 0 for the first
	 * @return the headers by name
	 * @throws Exception if they cannot be computed; the attempt fails
	 */
	Map<String, String> headers(URI uri, int reconnectAttempt) throws Exception;

}
