package io.incore.websocket.boot;

/**
 * Which instances of a replicated application connect a client.
 */
public enum OwnershipMode {

	/** Every instance connects the client (the default). */
	EVERY_INSTANCE,

	/**
	 * Only the instance that owns the client's role in a shared lock registry connects it; the others stand by
	 * and take over when the owner stops, crashes or yields.
	 */
	SINGLE_INSTANCE

}
