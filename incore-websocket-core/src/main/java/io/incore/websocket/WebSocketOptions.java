package io.incore.websocket;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import io.incore.websocket.internal.frame.Rfc6455;

/**
 * The settings of a {@link WebSocket} that a Java user needs beyond the InCore properties. Immutable; build one
 * with {@link #builder()}.
 *
 * @param headers extra HTTP headers sent with the opening handshake; not {@code Upgrade}, {@code Connection},
 * {@code Sec-WebSocket-Key} or {@code Sec-WebSocket-Version}, which the handshake sets, nor
 * {@code Sec-WebSocket-Protocol} ({@link WebSocket#setSubProtocol(String) subProtocol}) or
 * {@code Sec-WebSocket-Extensions} ({@code compression}), which this library negotiates: such a header is
 * refused with an {@link InvalidOptionException}
 * @param handshakeTimeout how long connecting (TCP, TLS and HTTP upgrade) may take before it fails with
 * {@link IpSocketError#SocketTimeoutError}
 * @param closeTimeout how long {@link WebSocket#disconnectFromHost()} waits for the close handshake before it
 * drops the connection
 * @param sslContext the TLS context for {@code wss://} URLs; {@code null} uses the JVM's default trust store
 * @param verifyHostname whether a {@code wss://} server's certificate must match the URL's host name; on unless
 * explicitly turned off
 * @param readBufferCapacity the most unread bytes the {@link IoDevice} read buffer holds
 * @param maxMessageSize the largest message accepted from the server, in bytes; a larger one closes the
 * connection with 1009 and reports {@link IpSocketError#DatagramTooLargeError}, without being buffered; a message's
 * memory grows with the bytes received, never ahead of them to what a frame header announces
 * @param inbound the bound on received messages waiting for listeners
 * @param reconnect how {@code autoConnect} reconnects
 * @param heartbeat the ping/pong heartbeat, {@code null} for none (the default)
 * @param inlineDelivery whether received messages may be delivered to listeners on the transport thread that
 * read them, when the object's event context is idle. Such a connection is read on a thread of the transport's
 * inline group rather than an event loop, and its listeners run there, which saves the hand-off to the event pool;
 * a listener that blocks then holds one of the few inline threads shared by every inline connection, delaying
 * their reads. Off by default; turn it on only with listeners that return quickly. Order and exclusivity of
 * delivery are the same either way.
 * @param tcpNoDelay whether every frame leaves at once ({@code TCP_NODELAY}, on by default). Turned off,
 * Nagle's algorithm holds a small frame back while an earlier one is still unacknowledged and sends them together:
 * a stream of small messages then needs far fewer packets and system calls on both ends (about 2.5 times the
 * messages per second in BENCHMARKS-ARCHIVE.md with {@code coalesceSends} off, no further gain with it on), but a
 * message sent right behind another one to a server that does not answer the first waits for the server's delayed
 * acknowledgement, typically up to 40 ms on Linux. A lone message is never delayed. Leave it on unless you stream
 * many small messages and can accept that.
 * @param coalesceSends whether small messages sent in quick succession may leave together (on by default). A
 * message of at most 4 KiB (framed) sent within 20 µs of the connection's previous write is held, its send returns
 * at once, and the connection's event loop writes it together with every message held after it in one write, one
 * thread hand-off later; a lone message, or one sent after a pause, is written at once. A stream of
 * small messages then costs one system call and one TCP segment per burst instead of per message (about three times
 * the messages per second in BENCHMARKS-ARCHIVE.md, the same round-trip time for one message at a time). Unlike
 * {@code tcpNoDelay(false)} nothing ever waits for the server. At most 64 KiB per connection is held or being
 * written this way; beyond that a send writes and waits, so a slow server still holds senders up. A held message
 * that cannot be written is reported through {@code errorOccurred}, as a failed send is. Turn it off to have every
 * message handed to the transport at once.
 * @param proxy the HTTP proxy to connect through, {@code null} (the default) to follow the JVM's
 * {@link java.net.ProxySelector}
 * @param sendBuffer holds messages sent while the connection is re-established, {@code null} (the default) for none
 * @param connectMessages the messages sent first on every connection, {@link ConnectMessages#NONE} by default
 * @param redactedNames query parameter and header names, lower case, whose values are never shown, besides those
 * that look like credentials ({@link WebSocketUrl#isSecretName(String)})
 * @param headersProvider computes headers for each opening handshake, {@code null} (the default) for none
 * @param maxRedirects how many redirects (301, 302, 307, 308) of the opening handshake are followed, 0 for none;
 * a redirect from {@code wss://} to {@code ws://} is never followed
 * @param compression whether and how messages are compressed with permessage-deflate, {@link Compression#DEFAULT}
 * (offered) by default
 */
public record WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
		SSLContext sslContext, boolean verifyHostname, long readBufferCapacity, long maxMessageSize,
		InboundLimits inbound, ReconnectPolicy reconnect, Heartbeat heartbeat, boolean inlineDelivery,
		boolean tcpNoDelay, boolean coalesceSends, HttpProxy proxy, SendBuffer sendBuffer,
		ConnectMessages connectMessages, Set<String> redactedNames, HandshakeHeadersProvider headersProvider,
		int maxRedirects, Compression compression) {

	/** The default bound on redirects of the opening handshake: 3. */
	public static final int DEFAULT_MAX_REDIRECTS = 3;

	/** The default handshake timeout: 10 seconds. */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	/** The default close timeout: 5 seconds. */
	public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

	/** The default read buffer capacity: 16 MiB. */
	public static final long DEFAULT_READ_BUFFER_CAPACITY = 16L * 1024 * 1024;

	/** The default maximum incoming message size: 16 MiB. */
	public static final long DEFAULT_MAX_MESSAGE_SIZE = 16L * 1024 * 1024;

	/** The largest maximum message size the transport can hold in one frame buffer. */
	public static final long MAX_MESSAGE_SIZE_LIMIT = Integer.MAX_VALUE - 64;

	private static final WebSocketOptions DEFAULTS = builder().build();

	/**
	 * Validates and copies the settings.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param verifyHostname whether to verify the server's host name
	 * @param readBufferCapacity the read buffer capacity, positive
	 * @param maxMessageSize the maximum incoming message size, positive
	 * @param inbound the inbound limits
	 * @param reconnect the reconnect policy
	 * @param heartbeat the heartbeat or {@code null}
	 * @param inlineDelivery whether to deliver received messages on the transport thread when possible
	 * @param tcpNoDelay whether every frame leaves at once
	 * @param coalesceSends whether small messages sent in quick succession may leave together
	 * @param proxy the HTTP proxy or {@code null}
	 * @param sendBuffer the send buffer or {@code null}
	 * @param connectMessages the messages sent on every connect
	 * @param redactedNames more names whose values are never shown
	 * @param headersProvider the per-handshake headers or {@code null}
	 * @param maxRedirects the redirects followed, 0 or more
	 * @param compression the compression settings
	 */
	public WebSocketOptions {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
		headers.keySet().forEach(WebSocketOptions::requireApplicationHeader);
		InvalidOptionException.requirePositive(handshakeTimeout, "handshakeTimeout");
		InvalidOptionException.requirePositive(closeTimeout, "closeTimeout");
		InvalidOptionException.require(readBufferCapacity > 0, "readBufferCapacity", readBufferCapacity,
				"the size must be positive", "a size such as 64KB or 16MB");
		InvalidOptionException.require(maxMessageSize > 0 && maxMessageSize <= MAX_MESSAGE_SIZE_LIMIT, "maxMessageSize",
				maxMessageSize, "the size must be positive and at most " + MAX_MESSAGE_SIZE_LIMIT + " bytes",
				"a size such as 64KB or 16MB");
		Objects.requireNonNull(inbound, "inbound");
		Objects.requireNonNull(reconnect, "reconnect");
		Objects.requireNonNull(connectMessages, "connectMessages");
		Objects.requireNonNull(compression, "compression");
		InvalidOptionException.require(maxRedirects >= 0, "maxRedirects", maxRedirects,
				"the number of redirects cannot be negative", "0 to follow none, or a small number such as 3");
		redactedNames = redactedNames.stream().map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Creates options without a send buffer, connect messages or more redacted names, as before they existed.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param verifyHostname whether to verify the server's host name
	 * @param readBufferCapacity the read buffer capacity, positive
	 * @param maxMessageSize the maximum incoming message size, positive
	 * @param inbound the inbound limits
	 * @param reconnect the reconnect policy
	 * @param heartbeat the heartbeat or {@code null}
	 * @param inlineDelivery whether to deliver received messages on the transport thread when possible
	 * @param tcpNoDelay whether every frame leaves at once
	 * @param coalesceSends whether small messages sent in quick succession may leave together
	 * @param proxy the HTTP proxy or {@code null}
	 * @deprecated since the options outgrew positional arguments: use {@link #builder()}, which keeps compiling
	 * as options are added; kept so that code written against an earlier version compiles
	 */
	@Deprecated
	public WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
			SSLContext sslContext, boolean verifyHostname, long readBufferCapacity, long maxMessageSize,
			InboundLimits inbound, ReconnectPolicy reconnect, Heartbeat heartbeat, boolean inlineDelivery,
			boolean tcpNoDelay, boolean coalesceSends, HttpProxy proxy) {
		this(headers, handshakeTimeout, closeTimeout, sslContext, verifyHostname, readBufferCapacity, maxMessageSize,
				inbound, reconnect, heartbeat, inlineDelivery, tcpNoDelay, coalesceSends, proxy, null,
				ConnectMessages.NONE, Set.of(), null, DEFAULT_MAX_REDIRECTS, Compression.DEFAULT);
	}

	/**
	 * Refuses a header that the opening handshake or another option sets (see
	 * {@link Rfc6455#handshakeHeaderOwner(String)}): the application's value would replace the protocol's, and the
	 * handshake would fail, or the negotiation be judged against another offer, without naming the cause.
	 */
	private static void requireApplicationHeader(String name) {
		String owner = Rfc6455.handshakeHeaderOwner(name);
		InvalidOptionException.require(owner == null, "headers", name, name + " is set by " + owner,
				"headers without " + name);
	}

	/**
	 * Creates options without a headers provider, as before it existed.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param verifyHostname whether to verify the server's host name
	 * @param readBufferCapacity the read buffer capacity, positive
	 * @param maxMessageSize the maximum incoming message size, positive
	 * @param inbound the inbound limits
	 * @param reconnect the reconnect policy
	 * @param heartbeat the heartbeat or {@code null}
	 * @param inlineDelivery whether to deliver received messages on the transport thread when possible
	 * @param tcpNoDelay whether every frame leaves at once
	 * @param coalesceSends whether small messages sent in quick succession may leave together
	 * @param proxy the HTTP proxy or {@code null}
	 * @param sendBuffer the send buffer or {@code null}
	 * @param connectMessages the messages sent on every connect
	 * @param redactedNames more names whose values are never shown
	 * @deprecated since the options outgrew positional arguments: use {@link #builder()}, which keeps compiling
	 * as options are added; kept so that code written against an earlier version compiles
	 */
	@Deprecated
	public WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
			SSLContext sslContext, boolean verifyHostname, long readBufferCapacity, long maxMessageSize,
			InboundLimits inbound, ReconnectPolicy reconnect, Heartbeat heartbeat, boolean inlineDelivery,
			boolean tcpNoDelay, boolean coalesceSends, HttpProxy proxy, SendBuffer sendBuffer,
			ConnectMessages connectMessages, Set<String> redactedNames) {
		this(headers, handshakeTimeout, closeTimeout, sslContext, verifyHostname, readBufferCapacity, maxMessageSize,
				inbound, reconnect, heartbeat, inlineDelivery, tcpNoDelay, coalesceSends, proxy, sendBuffer,
				connectMessages, redactedNames, null, DEFAULT_MAX_REDIRECTS, Compression.DEFAULT);
	}

	/**
	 * Creates options that follow the default number of redirects, as before the bound existed.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param verifyHostname whether to verify the server's host name
	 * @param readBufferCapacity the read buffer capacity, positive
	 * @param maxMessageSize the maximum incoming message size, positive
	 * @param inbound the inbound limits
	 * @param reconnect the reconnect policy
	 * @param heartbeat the heartbeat or {@code null}
	 * @param inlineDelivery whether to deliver received messages on the transport thread when possible
	 * @param tcpNoDelay whether every frame leaves at once
	 * @param coalesceSends whether small messages sent in quick succession may leave together
	 * @param proxy the HTTP proxy or {@code null}
	 * @param sendBuffer the send buffer or {@code null}
	 * @param connectMessages the messages sent on every connect
	 * @param redactedNames more names whose values are never shown
	 * @param headersProvider the per-handshake headers or {@code null}
	 * @deprecated since the options outgrew positional arguments: use {@link #builder()}, which keeps compiling
	 * as options are added; kept so that code written against an earlier version compiles
	 */
	@Deprecated
	public WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
			SSLContext sslContext, boolean verifyHostname, long readBufferCapacity, long maxMessageSize,
			InboundLimits inbound, ReconnectPolicy reconnect, Heartbeat heartbeat, boolean inlineDelivery,
			boolean tcpNoDelay, boolean coalesceSends, HttpProxy proxy, SendBuffer sendBuffer,
			ConnectMessages connectMessages, Set<String> redactedNames, HandshakeHeadersProvider headersProvider) {
		this(headers, handshakeTimeout, closeTimeout, sslContext, verifyHostname, readBufferCapacity, maxMessageSize,
				inbound, reconnect, heartbeat, inlineDelivery, tcpNoDelay, coalesceSends, proxy, sendBuffer,
				connectMessages, redactedNames, headersProvider, DEFAULT_MAX_REDIRECTS, Compression.DEFAULT);
	}

	/**
	 * Creates options with the default compression, as before it could be set.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param verifyHostname whether to verify the server's host name
	 * @param readBufferCapacity the read buffer capacity, positive
	 * @param maxMessageSize the maximum incoming message size, positive
	 * @param inbound the inbound limits
	 * @param reconnect the reconnect policy
	 * @param heartbeat the heartbeat or {@code null}
	 * @param inlineDelivery whether to deliver received messages on the transport thread when possible
	 * @param tcpNoDelay whether every frame leaves at once
	 * @param coalesceSends whether small messages sent in quick succession may leave together
	 * @param proxy the HTTP proxy or {@code null}
	 * @param sendBuffer the send buffer or {@code null}
	 * @param connectMessages the messages sent on every connect
	 * @param redactedNames more names whose values are never shown
	 * @param headersProvider the per-handshake headers or {@code null}
	 * @param maxRedirects the redirects followed, 0 or more
	 * @deprecated since the options outgrew positional arguments: use {@link #builder()}, which keeps compiling
	 * as options are added; kept so that code written against an earlier version compiles
	 */
	@Deprecated
	public WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
			SSLContext sslContext, boolean verifyHostname, long readBufferCapacity, long maxMessageSize,
			InboundLimits inbound, ReconnectPolicy reconnect, Heartbeat heartbeat, boolean inlineDelivery,
			boolean tcpNoDelay, boolean coalesceSends, HttpProxy proxy, SendBuffer sendBuffer,
			ConnectMessages connectMessages, Set<String> redactedNames, HandshakeHeadersProvider headersProvider,
			int maxRedirects) {
		this(headers, handshakeTimeout, closeTimeout, sslContext, verifyHostname, readBufferCapacity, maxMessageSize,
				inbound, reconnect, heartbeat, inlineDelivery, tcpNoDelay, coalesceSends, proxy, sendBuffer,
				connectMessages, redactedNames, headersProvider, maxRedirects, Compression.DEFAULT);
	}

	/**
	 * Creates options without an explicit proxy, as before {@code proxy} existed.
	 * @param headers extra HTTP headers
	 * @param handshakeTimeout the handshake timeout, positive
	 * @param closeTimeout the close timeout, positive
	 * @param sslContext the TLS context or {@code null}
	 * @param verifyHostname whether to verify the server's host name
	 * @param readBufferCapacity the read buffer capacity, positive
	 * @param maxMessageSize the maximum incoming message size, positive
	 * @param inbound the inbound limits
	 * @param reconnect the reconnect policy
	 * @param heartbeat the heartbeat or {@code null}
	 * @param inlineDelivery whether to deliver received messages on the transport thread when possible
	 * @param tcpNoDelay whether every frame leaves at once
	 * @param coalesceSends whether small messages sent in quick succession may leave together
	 * @deprecated since the options outgrew positional arguments: use {@link #builder()}, which keeps compiling
	 * as options are added; kept so that code written against an earlier version compiles
	 */
	@Deprecated
	public WebSocketOptions(Map<String, String> headers, Duration handshakeTimeout, Duration closeTimeout,
			SSLContext sslContext, boolean verifyHostname, long readBufferCapacity, long maxMessageSize,
			InboundLimits inbound, ReconnectPolicy reconnect, Heartbeat heartbeat, boolean inlineDelivery,
			boolean tcpNoDelay, boolean coalesceSends) {
		this(headers, handshakeTimeout, closeTimeout, sslContext, verifyHostname, readBufferCapacity, maxMessageSize,
				inbound, reconnect, heartbeat, inlineDelivery, tcpNoDelay, coalesceSends, null);
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
			.verifyHostname(this.verifyHostname)
			.readBufferCapacity(this.readBufferCapacity)
			.maxMessageSize(this.maxMessageSize)
			.inbound(this.inbound)
			.reconnect(this.reconnect)
			.heartbeat(this.heartbeat)
			.inlineDelivery(this.inlineDelivery)
			.tcpNoDelay(this.tcpNoDelay)
			.coalesceSends(this.coalesceSends)
			.proxy(this.proxy)
			.sendBuffer(this.sendBuffer)
			.connectMessages(this.connectMessages)
			.redactedNames(this.redactedNames)
			.headersProvider(this.headersProvider)
			.maxRedirects(this.maxRedirects)
			.compression(this.compression);
	}

	/**
	 * Tells whether the value of a query parameter or header of this name is never shown.
	 * @param name the name
	 * @return whether it looks like a credential or is one of {@link #redactedNames()}
	 */
	public boolean isRedacted(String name) {
		return WebSocketUrl.isSecretName(name, this.redactedNames);
	}

	/**
	 * Shows the settings with the values of credential headers ({@code Authorization}, {@code Cookie}, ...,
	 * see {@link #isRedacted(String)}) replaced by {@code ***}.
	 */
	@Override
	public String toString() {
		Map<String, String> shown = new LinkedHashMap<>();
		this.headers.forEach((name, value) -> shown.put(name, isRedacted(name) ? "***" : value));
		return "WebSocketOptions[headers=" + shown + ", handshakeTimeout=" + this.handshakeTimeout
				+ ", closeTimeout=" + this.closeTimeout + ", sslContext="
				+ ((this.sslContext != null) ? this.sslContext.getProtocol() : "default") + ", verifyHostname="
				+ this.verifyHostname + ", readBufferCapacity=" + this.readBufferCapacity + ", maxMessageSize="
				+ this.maxMessageSize + ", inbound=" + this.inbound + ", reconnect=" + this.reconnect + ", heartbeat="
				+ this.heartbeat + ", inlineDelivery=" + this.inlineDelivery + ", tcpNoDelay=" + this.tcpNoDelay
				+ ", coalesceSends=" + this.coalesceSends + ", proxy=" + this.proxy + ", sendBuffer=" + this.sendBuffer
				+ ", redactedNames=" + this.redactedNames + ", maxRedirects=" + this.maxRedirects + ", compression="
				+ this.compression + "]";
	}

	/**
	 * Builds {@link WebSocketOptions}.
	 */
	public static final class Builder {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

		private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

		private SSLContext sslContext;

		private boolean verifyHostname = true;

		private long readBufferCapacity = DEFAULT_READ_BUFFER_CAPACITY;

		private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;

		private InboundLimits inbound = InboundLimits.DEFAULT;

		private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;

		private Heartbeat heartbeat;

		private boolean inlineDelivery;

		private boolean tcpNoDelay = true;

		private boolean coalesceSends = true;

		private HttpProxy proxy;

		private SendBuffer sendBuffer;

		private ConnectMessages connectMessages = ConnectMessages.NONE;

		private Set<String> redactedNames = Set.of();

		private HandshakeHeadersProvider headersProvider;

		private int maxRedirects = DEFAULT_MAX_REDIRECTS;

		private Compression compression = Compression.DEFAULT;

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
		 * Sets whether a {@code wss://} server's certificate must match the host name. Turn it off only for
		 * tests or networks you control.
		 * @param verifyHostname {@code false} to skip the check
		 * @return this builder
		 */
		public Builder verifyHostname(boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
			return this;
		}

		/**
		 * Sets the largest message accepted from the server.
		 * @param maxMessageSize a positive byte count
		 * @return this builder
		 */
		public Builder maxMessageSize(long maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * Sets the bound on received messages waiting for listeners.
		 * @param inbound the limits
		 * @return this builder
		 */
		public Builder inbound(InboundLimits inbound) {
			this.inbound = inbound;
			return this;
		}

		/**
		 * Sets how {@code autoConnect} reconnects.
		 * @param reconnect the policy
		 * @return this builder
		 */
		public Builder reconnect(ReconnectPolicy reconnect) {
			this.reconnect = reconnect;
			return this;
		}

		/**
		 * Sets the heartbeat.
		 * @param heartbeat the heartbeat, {@code null} for none
		 * @return this builder
		 */
		public Builder heartbeat(Heartbeat heartbeat) {
			this.heartbeat = heartbeat;
			return this;
		}

		/**
		 * Sets whether received messages may be delivered on the transport thread; see
		 * {@link WebSocketOptions#inlineDelivery()} for the trade-off.
		 * @param inlineDelivery {@code true} to run listeners on the reading thread; only for listeners that never block
		 * @return this builder
		 */
		public Builder inlineDelivery(boolean inlineDelivery) {
			this.inlineDelivery = inlineDelivery;
			return this;
		}

		/**
		 * Sets whether every frame leaves at once; see {@link WebSocketOptions#tcpNoDelay()} for the trade-off.
		 * @param tcpNoDelay {@code false} to let small frames wait for the acknowledgement of earlier ones and
		 * leave together
		 * @return this builder
		 */
		public Builder tcpNoDelay(boolean tcpNoDelay) {
			this.tcpNoDelay = tcpNoDelay;
			return this;
		}

		/**
		 * Sets whether small messages sent in quick succession may leave together; see
		 * {@link WebSocketOptions#coalesceSends()} for the trade-off.
		 * @param coalesceSends {@code false} to write every message at once and have every send wait for its write
		 * @return this builder
		 */
		public Builder coalesceSends(boolean coalesceSends) {
			this.coalesceSends = coalesceSends;
			return this;
		}

		/**
		 * Sets the HTTP proxy to connect through; see {@link WebSocketOptions#proxy()}.
		 * @param proxy the proxy, {@code null} to follow the JVM's {@code ProxySelector}
		 * @return this builder
		 */
		public Builder proxy(HttpProxy proxy) {
			this.proxy = proxy;
			return this;
		}

		/**
		 * Sets the buffer for messages sent while the connection is re-established; see {@link SendBuffer}.
		 * @param sendBuffer the buffer, {@code null} for none: such sends are refused
		 * @return this builder
		 */
		public Builder sendBuffer(SendBuffer sendBuffer) {
			this.sendBuffer = sendBuffer;
			return this;
		}

		/**
		 * Sets the messages sent first on every connection; see {@link ConnectMessages}.
		 * @param connectMessages the messages
		 * @return this builder
		 */
		public Builder connectMessages(ConnectMessages connectMessages) {
			this.connectMessages = connectMessages;
			return this;
		}

		/**
		 * Sets the same text messages to send first on every connection.
		 * @param messages the messages, in order
		 * @return this builder
		 */
		public Builder connectMessages(List<String> messages) {
			return connectMessages(ConnectMessages.of(messages));
		}

		/**
		 * Sets more query parameter and header names whose values are never shown, besides those that look like
		 * credentials ({@link WebSocketUrl#isSecretName(String)}).
		 * @param redactedNames the names, in any case
		 * @return this builder
		 */
		public Builder redactedNames(Set<String> redactedNames) {
			this.redactedNames = Set.copyOf(redactedNames);
			return this;
		}

		/**
		 * Sets what computes headers for each opening handshake; see {@link HandshakeHeadersProvider}.
		 * @param headersProvider the provider, {@code null} for none
		 * @return this builder
		 */
		public Builder headersProvider(HandshakeHeadersProvider headersProvider) {
			this.headersProvider = headersProvider;
			return this;
		}

		/**
		 * Sets how many redirects of the opening handshake are followed; see {@link WebSocketOptions#maxRedirects()}.
		 * @param maxRedirects 0 to follow none
		 * @return this builder
		 */
		public Builder maxRedirects(int maxRedirects) {
			this.maxRedirects = maxRedirects;
			return this;
		}

		/**
		 * Sets whether and how messages are compressed with permessage-deflate.
		 * @param compression {@link Compression#DEFAULT}, {@link Compression#OFF} or settings of its own
		 * @return this builder
		 */
		public Builder compression(Compression compression) {
			this.compression = compression;
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
					this.verifyHostname, this.readBufferCapacity, this.maxMessageSize, this.inbound, this.reconnect,
					this.heartbeat, this.inlineDelivery, this.tcpNoDelay, this.coalesceSends, this.proxy, this.sendBuffer,
					this.connectMessages, this.redactedNames, this.headersProvider, this.maxRedirects, this.compression);
		}

	}

}
