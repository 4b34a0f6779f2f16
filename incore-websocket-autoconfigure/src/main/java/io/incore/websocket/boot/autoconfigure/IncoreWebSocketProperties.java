package io.incore.websocket.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of InCore WebSocket clients: {@code incore.websocket.clients.<name>.*} declares one client per
 * name, {@code incore.websocket.defaults.*} holds settings shared by all clients. A client's own setting wins over
 * the shared default, which wins over the built-in default.
 */
@ConfigurationProperties("incore.websocket")
public class IncoreWebSocketProperties {

	/**
	 * Whether to create the configured WebSocket clients.
	 */
	private boolean enabled = true;

	/**
	 * Settings applied to every client that does not set them itself.
	 */
	@NestedConfigurationProperty
	private WebSocketClientSettings defaults = new WebSocketClientSettings();

	/**
	 * The WebSocket clients by name; each becomes a WebSocket bean of that name.
	 */
	private Map<String, WebSocketClientSettings> clients = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public WebSocketClientSettings getDefaults() {
		return this.defaults;
	}

	public void setDefaults(WebSocketClientSettings defaults) {
		this.defaults = defaults;
	}

	public Map<String, WebSocketClientSettings> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, WebSocketClientSettings> clients) {
		this.clients = clients;
	}

}
