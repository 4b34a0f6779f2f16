package io.incore.websocket.boot.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.incore.websocket.WebSocket;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of one WebSocket client, in statuses Spring Boot's aggregation and HTTP mapping know, so that a
 * composite of clients aggregates as every other contributor does.
 * <table>
 * <caption>Status by connection condition</caption>
 * <tr><th>condition ({@code connection} detail)</th><th>required client</th><th>not required</th></tr>
 * <tr><td>{@code open}</td><td>{@code UP}</td><td>{@code UP}</td></tr>
 * <tr><td>{@code closed-on-purpose}: never asked to connect, or closed by {@code disconnectFromHost()} or
 * {@code close()}</td><td>{@code UP}</td><td>{@code UP}</td></tr>
 * <tr><td>{@code connecting}: the first attempt is still running</td><td>{@code OUT_OF_SERVICE}</td>
 * <td>{@code UNKNOWN}</td></tr>
 * <tr><td>{@code down}: should be connected but is not (an attempt failed, the connection broke, waiting to
 * reconnect, gave up)</td><td>{@code DOWN}</td><td>{@code UNKNOWN}</td></tr>
 * </table>
 * Decisions: a client closed on purpose is not a failure, hence {@code UP}. A required client that has not
 * connected yet is {@code OUT_OF_SERVICE} (HTTP 503), so that a readiness probe does not report the application
 * ready before its upstream is up. A client that is not required is {@code UNKNOWN} when down, which Boot's
 * aggregation ranks below {@code UP}, so it never makes the application unhealthy; its details still say why.
 * <p>
 * Details: {@code connection}, {@code required}, {@code state}, {@code url} (secrets redacted),
 * {@code subProtocol}, {@code extensions} (those agreed for the current or last connection, e.g.
 * {@code permessage-deflate}), {@code error}, {@code errorString}, {@code closeCode}, {@code closeReason},
 * {@code reconnectAttempts}, {@code lastConnectedAt}, {@code sinceLastConnection}, {@code gaveUp} once
 * reconnecting stopped (e.g. {@code "gave up: closed with 1008 policy violation, ..."}), and {@code owner} for a
 * single-instance client (a standby is {@code UP}: it is closed on purpose).
 */
public final class WebSocketHealthIndicator implements HealthIndicator {

	private final WebSocket client;

	private final boolean required;

	private final Supplier<Optional<Boolean>> owner;

	/**
	 * Creates the indicator.
	 * @param client the client
	 * @param required whether the client being down makes its health {@code DOWN}
	 */
	public WebSocketHealthIndicator(WebSocket client, boolean required) {
		this(client, required, Optional::empty);
	}

	/**
	 * Creates the indicator of a client that may be single-instance: a standby is closed on purpose, hence
	 * {@code UP}, with the detail {@code owner: false}.
	 * @param client the client
	 * @param required whether the client being down makes its health {@code DOWN}
	 * @param owner whether this instance owns the client, empty for a client every instance connects
	 */
	public WebSocketHealthIndicator(WebSocket client, boolean required, Supplier<Optional<Boolean>> owner) {
		this.client = client;
		this.required = required;
		this.owner = owner;
	}

	@Override
	public Health health() {
		Condition condition = condition();
		Health.Builder health = new Health.Builder(condition.status(this.required));
		this.owner.get().ifPresent((owns) -> health.withDetail("owner", owns));
		this.client.getGaveUpReason().ifPresent((reason) -> health.withDetail("gaveUp", reason));
		health.withDetail("connection", condition.detail)
			.withDetail("required", this.required)
			.withDetail("state", this.client.getState().name())
			.withDetail("url", this.client.getRedactedUrl())
			.withDetail("subProtocol", this.client.getSubProtocol())
			.withDetail("extensions", this.client.getNegotiatedExtensions())
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

	private Condition condition() {
		WebSocket.State state = this.client.getState();
		if (state == WebSocket.State.Open) {
			return Condition.OPEN;
		}
		if (!this.client.isConnectionWanted()) {
			return Condition.CLOSED_ON_PURPOSE;
		}
		if (state == WebSocket.State.Connecting && this.client.getLastConnectedAt().isEmpty()
				&& this.client.getReconnectAttempts() == 0) {
			return Condition.CONNECTING;
		}
		return Condition.DOWN;
	}

	private enum Condition {

		OPEN("open", Status.UP, Status.UP),

		CLOSED_ON_PURPOSE("closed-on-purpose", Status.UP, Status.UP),

		CONNECTING("connecting", Status.OUT_OF_SERVICE, Status.UNKNOWN),

		DOWN("down", Status.DOWN, Status.UNKNOWN);

		private final String detail;

		private final Status ifRequired;

		private final Status ifOptional;

		Condition(String detail, Status ifRequired, Status ifOptional) {
			this.detail = detail;
			this.ifRequired = ifRequired;
			this.ifOptional = ifOptional;
		}

		Status status(boolean required) {
			return required ? this.ifRequired : this.ifOptional;
		}

	}

}
