package io.incore.websocket.boot.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketStatistics;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.ownership.OwnershipView;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code websockets} Actuator endpoint: reads the state of every client or of one, and, only where its access
 * is set to {@code unrestricted}, connects, disconnects or sends a text message through a client.
 * <p>
 * Decision: read-only by default, since writing would let anyone who reaches the endpoint drive the connections;
 * enable writing with {@code management.endpoint.websockets.access=unrestricted}. URLs are shown with secrets
 * redacted.
 */
@Endpoint(id = "websockets", defaultAccess = Access.READ_ONLY)
public class WebSocketsEndpoint {

	private final WebSocketClients clients;

	private final @Nullable OwnershipView ownership;

	/**
	 * Creates the endpoint.
	 * @param clients the clients
	 */
	public WebSocketsEndpoint(WebSocketClients clients) {
		this(clients, null);
	}

	/**
	 * Creates the endpoint, showing and yielding single-instance ownership.
	 * @param clients the clients
	 * @param ownership who owns which client, {@code null} without single-instance clients
	 */
	public WebSocketsEndpoint(WebSocketClients clients, @Nullable OwnershipView ownership) {
		this.clients = clients;
		this.ownership = ownership;
	}

	/**
	 * Describes every client.
	 * @return the clients by name
	 */
	@ReadOperation
	public Map<String, ClientDescriptor> clients() {
		Map<String, ClientDescriptor> descriptors = new LinkedHashMap<>();
		this.clients.asMap().forEach((name, client) -> descriptors.put(name, describe(name, client)));
		return descriptors;
	}

	/**
	 * Describes one client.
	 * @param name the client name
	 * @return the client, or 404 if there is none of that name
	 */
	@ReadOperation
	public WebEndpointResponse<ClientDescriptor> client(@Selector String name) {
		if (!this.clients.contains(name)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(describe(name, this.clients.get(name)));
	}

	private ClientDescriptor describe(String name, WebSocket client) {
		Boolean owner = (this.ownership != null) ? this.ownership.isOwner(name).orElse(null) : null;
		return ClientDescriptor.of(client, owner);
	}

	/**
	 * Acts on one client.
	 * @param name the client name
	 * @param action {@code connect}, {@code disconnect}, {@code send}, or {@code yield} (a single-instance client's
	 * owner closes it and lets another instance take it over, e.g. before a rolling deploy stops this one)
	 * @param message the text to send, for {@code send}
	 * @return the client after the action, 404 for an unknown client, 400 for an unknown action or a
	 * {@code send} without message
	 */
	@WriteOperation
	public WebEndpointResponse<Object> act(@Selector String name, String action, @Nullable String message) {
		if (!this.clients.contains(name)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		WebSocket client = this.clients.get(name);
		switch (action) {
			case "connect" -> client.connectToHost();
			case "disconnect" -> client.disconnectFromHost();
			case "yield" -> {
				boolean yielded = this.ownership != null && this.ownership.yieldOwnership(name);
				return new WebEndpointResponse<>(Map.of("yielded", yielded));
			}
			case "send" -> {
				if (message == null) {
					return new WebEndpointResponse<>(Map.of("error", "'send' needs a 'message'"),
							WebEndpointResponse.STATUS_BAD_REQUEST);
				}
				return new WebEndpointResponse<>(Map.of("sent", client.sendTextMessage(message)));
			}
			default -> {
				return new WebEndpointResponse<>(
						Map.of("error", "Unknown action '" + action + "'; use connect, disconnect, send or yield"),
						WebEndpointResponse.STATUS_BAD_REQUEST);
			}
		}
		return new WebEndpointResponse<>(describe(name, client));
	}

	/**
	 * What the endpoint shows of a client.
	 *
	 * @param state the connection state
	 * @param url the URL, secrets redacted
	 * @param subProtocol the requested subprotocol
	 * @param negotiatedSubProtocol the subprotocol the server selected
	 * @param error the last error
	 * @param errorString the text of the last error
	 * @param closeCode the close code of the last connection that ended, -1 if none
	 * @param reconnectAttempts consecutive reconnect attempts
	 * @param sendBufferDepth messages waiting in the send buffer for the connection
	 * @param statistics the traffic and connection counters
	 * @param owner whether this instance owns a single-instance client; {@code null} for one every instance
	 * connects
	 * @param negotiatedExtensions the extensions the server agreed to, e.g. {@code permessage-deflate}
	 */
	public record ClientDescriptor(String state, String url, String subProtocol, String negotiatedSubProtocol,
			String error, String errorString, int closeCode, int reconnectAttempts, int sendBufferDepth,
			WebSocketStatistics statistics, @Nullable Boolean owner, List<String> negotiatedExtensions) {

		static ClientDescriptor of(WebSocket client, @Nullable Boolean owner) {
			return new ClientDescriptor(client.getState().name(), client.getRedactedUrl(),
					client.getSubProtocol(), client.getNegotiatedSubProtocol(), client.getError().name(),
					client.getErrorString(), client.getCloseCode(), client.getReconnectAttempts(),
					client.getSendBufferDepth(), client.getStatistics(), owner, client.getNegotiatedExtensions());
		}

	}

}
