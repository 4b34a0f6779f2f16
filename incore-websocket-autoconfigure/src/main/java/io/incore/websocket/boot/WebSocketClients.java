package io.incore.websocket.boot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import io.incore.websocket.WebSocket;

/**
 * The registry of the configured WebSocket clients: look one up by name or iterate them all. Each client is also
 * a {@link WebSocket} bean of the same name.
 */
public final class WebSocketClients {

	private final Map<String, WebSocket> clients;

	/**
	 * Creates a registry.
	 * @param clients the clients by name, in configuration order
	 */
	public WebSocketClients(Map<String, WebSocket> clients) {
		this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
	}

	/**
	 * Returns the client of the given name.
	 * @param name the client name
	 * @return the client
	 * @throws NoSuchElementException if no client has that name
	 */
	public WebSocket get(String name) {
		WebSocket client = this.clients.get(name);
		if (client == null) {
			throw new NoSuchElementException("No WebSocket client named '" + name + "'; configured clients: "
					+ this.clients.keySet());
		}
		return client;
	}

	/**
	 * Tells whether a client of the given name exists.
	 * @param name the client name
	 * @return whether it exists
	 */
	public boolean contains(String name) {
		return this.clients.containsKey(name);
	}

	/**
	 * Returns every client by name, in configuration order.
	 * @return an unmodifiable map
	 */
	public Map<String, WebSocket> asMap() {
		return this.clients;
	}

}
