package io.incore.websocket;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.SSLContext;

/**
 * The settings of a {@link WebSocket} that a Java user needs beyond the InCore properties. Immutable; build one
 * with {@link #builder()}.
 *
 * @param headers extra HTTP headers sent with the opening handshake
 * @param handshakeTimeout how long connecting (TCP, TLS and HTTP upgrade) may take before it fails with
 * {@link IpSocketError#SocketTimeoutError}
 * @param closeTimeout how long {@link WebSocket#disconnectFromHost()} waits for the close handshake before it
 * drops the connection
 * @param sslContext the TLS context for {@code wss://} URLs; {@code null} uses the JVM's default trust store
 * @param readBufferCapacity the most unread bytes the {@link IoDevice} read buffer holds
 */
public record WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
		SSLContext sslContext, long readBufferCapacity) {

	/** The default handshake timeout: 10 seconds. */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	/** The default close timeout: 5 seconds. */
	public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

	/** The default read buffer capacity: 16 MiB. */
	public static final long DEFAULT_READ_BUFFER_CAPACITY = 16L * 1024 * 1024;

	private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
			"set-cookie", "x-api-key", "api-key");

	private static final WebSocketOptions DEFAULTS = builder().build();

	/**
	 * Validates and copies the settings.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param readBufferCapacity the read buffer capacity, positive
	 */
	public WebSocketOptions {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
		requirePositive(handshakeTimeout, "handshakeTimeout");
		requirePositive(closeTimeout, "closeTimeout");
		if (readBufferCapacity <= 0) {
			throw new IllegalArgumentException("readBufferCapacity must be positive but was " + readBufferCapacity);
		}
	}

	/**
	 * Returns the default settings.
	 * @return the defaults
	 */
	public static WebSocketOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Starts a builder with the default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a builder with these settings.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().headers(this.headers)
			.handshakeTimeout(this.handshakeTimeout)
			.closeTimeout(this.closeTimeout)
			.sslContext(this.sslContext)
			.readBufferCapacity(this.readBufferCapacity);
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive but was " + duration);
		}
	}

	/**
	 * Shows the settings with the values of credential headers ({@code Authorization}, {@code Cookie}, ...)
	 * replaced by {@code ***}.
	 */
	@Override
	public String toString() {
		Map<String, String> shown = new LinkedHashMap<>();
		this.headers.forEach((name, value) -> shown.put(name,
				SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "***" : value));
		return "WebSocketOptions[headers=" + shown + ", handshakeTimeout=" + this.handshakeTimeout
				+ ", closeTimeout=" + this.closeTimeout + ", sslContext="
				+ ((this.sslContext != null) ? this.sslContext.getProtocol() : "default") + ", readBufferCapacity="
				+ this.readBufferCapacity + "]";
	}

	/**
	 * Builds {@link WebSocketOptions}.
	 */
	public static final class Builder {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

		private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

		private SSLContext sslContext;

		private long readBufferCapacity = DEFAULT_READ_BUFFER_CAPACITY;

		private Builder() {
		}

		/**
		 * Adds an HTTP header to the opening handshake, replacing one of the same name.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Adds HTTP headers to the opening handshake.
		 * @param headers the headers by name
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			headers.forEach(this::header);
			return this;
		}

		/**
		 * Sets how long connecting may take.
		 * @param handshakeTimeout a positive duration
		 * @return this builder
		 */
		public Builder handshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = handshakeTimeout;
			return this;
		}

		/**
		 * Sets how long disconnecting waits for the close handshake.
		 * @param closeTimeout a positive duration
		 * @return this builder
		 */
		public Builder closeTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
			return this;
		}

		/**
		 * Sets the TLS context for {@code wss://} URLs.
		 * @param sslContext the context, {@code null} for the JVM default
		 * @return this builder
		 */
		public Builder sslContext(SSLContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * Sets the most unread bytes the IoDevice read buffer holds.
		 * @param readBufferCapacity a positive byte count
		 * @return this builder
		 */
		public Builder readBufferCapacity(long readBufferCapacity) {
			this.readBufferCapacity = readBufferCapacity;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException if a setting is out of range
		 */
		public WebSocketOptions build() {
			return new WebSocketOptions(this.headers, this.handshakeTimeout, this.closeTimeout, this.sslContext,
					this.readBufferCapacity);
		}

	}

}
