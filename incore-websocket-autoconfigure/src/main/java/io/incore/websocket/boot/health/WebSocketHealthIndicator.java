package io.incore.websocket.boot.health;

import java.time.Duration;
import java.time.Instant;

import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketUrl;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of one WebSocket client.
 * <ul>
 * <li>{@code UP}: the connection is open.</li>
 * <li>{@code UNKNOWN}: the first connection attempt is still running.</li>
 * <li>{@code DOWN}: the client should be connected but is not: an attempt failed, the connection broke, it is
 * waiting to reconnect or gave up. The details say why.</li>
 * <li>{@link #DISCONNECTED}: nobody asked for a connection, or it was closed on purpose; not a failure.</li>
 * <li>{@link #DEGRADED}: what would be {@code DOWN} for a client configured with {@code health.required: false},
 * so that it never turns the application {@code DOWN}.</li>
 * </ul>
 * Details: {@code state}, {@code url} (secrets redacted), {@code subProtocol}, {@code error}, {@code errorString},
 * {@code closeCode}, {@code closeReason}, {@code reconnectAttempts}, {@code lastConnectedAt} and
 * {@code sinceLastConnection}.
 */
public final class WebSocketHealthIndicator implements HealthIndicator {

	/** A client that is closed on purpose, or was never asked to connect. */
	public static final Status DISCONNECTED = new Status("DISCONNECTED", "Disconnected on purpose");

	/** A client that is down but not required for the application's health. */
	public static final Status DEGRADED = new Status("DEGRADED", "Down, but not required");

	private final WebSocket client;

	private final boolean required;

	/**
	 * Creates the indicator.
	 * @param client the client
	 * @param required whether the client being down makes its health {@code DOWN}
	 */
	public WebSocketHealthIndicator(WebSocket client, boolean required) {
		this.client = client;
		this.required = required;
	}

	@Override
	public Health health() {
		Health.Builder health = new Health.Builder(status());
		WebSocket.State state = this.client.getState();
		health.withDetail("state", state.name())
			.withDetail("url", WebSocketUrl.redact(this.client.getUrl()))
			.withDetail("subProtocol", this.client.getSubProtocol())
			.withDetail("error", this.client.getError().name())
			.withDetail("errorString", this.client.getErrorString())
			.withDetail("reconnectAttempts", this.client.getReconnectAttempts());
		if (this.client.getCloseCode() != -1) {
			health.withDetail("closeCode", this.client.getCloseCode())
				.withDetail("closeReason", this.client.getCloseReason());
		}
		this.client.getLastConnectedAt().ifPresent((connectedAt) -> health.withDetail("lastConnectedAt",
				connectedAt.toString())
			.withDetail("sinceLastConnection", Duration.between(connectedAt, Instant.now()).toString()));
		return health.build();
	}

	private Status status() {
		WebSocket.State state = this.client.getState();
		if (state == WebSocket.State.Open) {
			return Status.UP;
		}
		if (!this.client.isConnectionWanted()) {
			return DISCONNECTED;
		}
		if (state == WebSocket.State.Connecting && this.client.getLastConnectedAt().isEmpty()
				&& this.client.getReconnectAttempts() == 0) {
			return Status.UNKNOWN;
		}
		return this.required ? Status.DOWN : DEGRADED;
	}

}
