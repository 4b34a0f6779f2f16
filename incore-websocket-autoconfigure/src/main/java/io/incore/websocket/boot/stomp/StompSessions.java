package io.incore.websocket.boot.stomp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.messaging.simp.stomp.StompSession;

/**
 * The STOMP sessions of the clients configured with {@code stomp.enabled}, by client name.
 */
public final class StompSessions {

	private final Map<String, ManagedStompSession> sessions;

	/**
	 * Creates the registry.
	 * @param sessions the sessions by client name
	 */
	public StompSessions(Map<String, ManagedStompSession> sessions) {
		this.sessions = Collections.unmodifiableMap(new LinkedHashMap<>(sessions));
	}

	/**
	 * Returns the current STOMP session of a client.
	 * @param name the client's name
	 * @return the session
	 * @throws NoSuchElementException if the client does not speak STOMP
	 * @throws IllegalStateException if it is not connected now
	 */
	public StompSession stompSession(String name) {
		return managed(name).session()
			.orElseThrow(() -> new IllegalStateException("The STOMP session of client '" + name
					+ "' is not connected; listen to StompMessageReceivedEvent or retry after it reconnects"));
	}

	/**
	 * Sends a message to a destination on a client's STOMP session; with {@code stomp.auto-receipt}, its receipt
	 * is published as a {@link StompReceiptEvent}.
	 * @param name the client's name
	 * @param destination the destination
	 * @param payload the body: a {@code String} (sent as {@code text/plain}) or a {@code byte[]}
	 * @return the handle of the frame's receipt
	 * @throws NoSuchElementException if the client does not speak STOMP
	 * @throws IllegalStateException if it is not connected now
	 */
	public StompSession.Receiptable send(String name, String destination, Object payload) {
		StompSession.Receiptable receiptable = stompSession(name).send(destination, payload);
		managed(name).publishReceipt(receiptable);
		return receiptable;
	}

	/**
	 * Returns every managed session by client name.
	 * @return an unmodifiable map
	 */
	public Map<String, ManagedStompSession> asMap() {
		return this.sessions;
	}

	private ManagedStompSession managed(String name) {
		ManagedStompSession managed = this.sessions.get(name);
		if (managed == null) {
			throw new NoSuchElementException("No client named '" + name + "' speaks STOMP; clients with "
					+ "stomp.enabled: " + this.sessions.keySet());
		}
		return managed;
	}

}
