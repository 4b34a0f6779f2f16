package io.incore.websocket.boot;

import io.incore.websocket.WebSocketOptions;

/**
 * Customizes the options of configured WebSocket clients before they are created; declare it as a bean. It is
 * called once per client, with the client's name, after the configuration properties were applied.
 */
@FunctionalInterface
public interface WebSocketClientCustomizer {

	/**
	 * Customizes one client's options.
	 * @param clientName the name of the client
	 * @param options the options built from the configuration so far
	 */
	void customize(String clientName, WebSocketOptions.Builder options);

}
