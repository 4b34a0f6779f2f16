package io.incore.websocket;

import java.util.List;
import java.util.Objects;

/**
 * The text messages sent first on every connection, each time it opens (also after a reconnect), in order and
 * before anything buffered ({@link SendBuffer}) or sent by the application after the open: subscriptions, a
 * login, a request for a snapshot. They leave before {@code connected()} reaches listeners.
 * <p>
 * Computed per connection, so they may depend on the socket's state, e.g. the subscriptions it holds now.
 */
@FunctionalInterface
public interface ConnectMessages {

	/** No messages. */
	ConnectMessages NONE = (socket) -> List.of();

	/**
	 * Returns the messages for a connection that has just opened. Runs under the socket's lock on a transport
	 * thread: return quickly, and do not call methods of the socket that wait.
	 * @param socket the socket that opened
	 * @return the messages, in order
	 */
	List<String> messages(WebSocket socket);

	/**
	 * Returns the same messages on every connect.
	 * @param messages the messages, in order
	 * @return the connect messages
	 */
	static ConnectMessages of(List<String> messages) {
		List<String> copy = List.copyOf(Objects.requireNonNull(messages, "messages"));
		return (socket) -> copy;
	}

}
