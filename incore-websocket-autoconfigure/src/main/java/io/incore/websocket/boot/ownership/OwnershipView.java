package io.incore.websocket.boot.ownership;

import java.util.Optional;

/**
 * Who owns which client, for health, metrics and the endpoint; free of Spring Integration types, so that those
 * parts load without it.
 */
public interface OwnershipView {

	/**
	 * Tells whether this instance owns a client.
	 * @param clientName the client's name
	 * @return whether it owns it; empty for a client that every instance connects
	 */
	Optional<Boolean> isOwner(String clientName);

	/**
	 * Returns the role a client belongs to.
	 * @param clientName the client's name
	 * @return the role; empty for a client that every instance connects
	 */
	Optional<String> role(String clientName);

	/**
	 * Gives up the ownership of a client's role, so that another instance takes it over (for rolling deploys):
	 * closes the role's clients, waits until they are closed, then releases the lock.
	 * @param clientName the client's name
	 * @return whether this instance owned it and yielded
	 */
	boolean yieldOwnership(String clientName);

}
