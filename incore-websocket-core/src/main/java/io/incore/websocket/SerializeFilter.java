package io.incore.websocket;

/**
 * Which properties {@link InCoreObject#serializeProperties(SerializeFilter)} writes.
 * <p>
 * The InCore reference names {@code Object.SerializeFilter} without documenting its values; these two are this
 * library's decision.
 */
public enum SerializeFilter {

	/**
	 * Only the configuration properties that {@link InCoreObject#fromJson(String)} can load back: the writable
	 * ones, minus {@code state} and {@code pos}, which are actions rather than settings.
	 */
	WRITABLE,

	/**
	 * Every property, including read-only ones such as {@code error} or {@code bytesAvailable}; useful for
	 * diagnostics. Loading such a map back ignores the read-only entries.
	 */
	ALL

}
