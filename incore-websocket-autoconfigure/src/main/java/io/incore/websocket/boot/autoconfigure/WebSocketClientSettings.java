package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incore.websocket.InboundLimits;
import io.incore.websocket.SendBuffer;
import io.incore.websocket.boot.ClientStartup;
import io.incore.websocket.boot.OwnershipMode;

import org.springframework.util.unit.DataSize;

/**
 * The settings of one WebSocket client, also used for the shared defaults. Every value is {@code null} when not
 * set, so that a client's settings can fall back to the defaults; the built-in defaults are documented on each
 * property.
 */
public class WebSocketClientSettings {

	/**
	 * URL of the WebSocket server, ws://host[:port]/path or wss://host[:port]/path. Required for every client.
	 */
	private String url;

	/**
	 * Whether to connect once the application is ready, and to reconnect after failures and unrequested
	 * disconnects. Default: true.
	 */
	private Boolean autoConnect;

	/**
	 * Whether to open the client as an IoDevice once the application is ready: binary messages then feed its read
	 * stream. Default: false.
	 */
	private Boolean autoOpen;

	/**
	 * Subprotocol to request from the server. Default: none.
	 */
	private String subProtocol;

	/**
	 * Extra HTTP headers sent with the opening handshake, by name. A client's headers are added to the default
	 * headers. Not Upgrade, Connection, Sec-WebSocket-Key or Sec-WebSocket-Version, which the handshake sets, nor
	 * Sec-WebSocket-Protocol (sub-protocol) or Sec-WebSocket-Extensions (compression).
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	/**
	 * Name of a HandshakeHeadersProvider bean that computes headers before every connection attempt, e.g. a bearer
	 * token that expires; they are added to the static headers. Default: none.
	 */
	private String headersProvider;

	/**
	 * How many redirects (301, 302, 307, 308) of the opening handshake are followed; 0 for none. A redirect from
	 * wss:// to ws:// is never followed. Default: 3.
	 */
	private Integer maxRedirects;

	/**
	 * How long connecting (TCP, TLS, upgrade) may take. Default: 10s.
	 */
	private Duration handshakeTimeout;

	/**
	 * How long disconnecting waits for the server's close frame. Default: 5s.
	 */
	private Duration closeTimeout;

	/**
	 * Largest message accepted from the server; a larger one closes the connection with 1009. Default: 16MB.
	 */
	private DataSize maxMessageSize;

	/**
	 * Most unread bytes the IoDevice read stream holds. Default: 16MB.
	 */
	private DataSize readBufferCapacity;

	/**
	 * Whether received messages may be delivered to listeners on the transport thread that read them: no hand-off
	 * to the event pool, but a listener that blocks delays other inline connections. Only for listeners that return
	 * quickly.
	 * Default: false.
	 */
	private Boolean inlineDelivery;

	/**
	 * Whether every frame leaves at once (TCP_NODELAY). Off, small frames sent while an earlier one is
	 * unacknowledged wait and leave together: far fewer packets for streams of small messages, but a message sent
	 * right behind another to a server that does not answer the first may wait for its delayed acknowledgement
	 * (up to 40 ms on Linux).
	 * Default: true.
	 */
	private Boolean tcpNoDelay;

	/**
	 * Whether small messages sent in quick succession may leave together. A message of at most 4 KiB sent within
	 * 20 microseconds of the previous write is held, its send returns at once, and it is written with the ones held
	 * after it one thread hand-off later; nothing waits for the server. At most 64 KiB per connection is held; a
	 * held message that cannot be written is reported as an error. Off, every send waits for its own write.
	 * Default: true.
	 */
	private Boolean coalesceSends;

	/**
	 * Query parameter and header names whose values never appear in logs, events, health, endpoints or error
	 * messages, besides those that look like credentials (any name containing token, key, password, secret, sig,
	 * auth, credential, session, jwt, bearer, ticket or cookie). A client's names are added to the defaults.
	 */
	private List<String> redactedNames = new ArrayList<>();

	/**
	 * Buffer for messages sent while the connection is re-established; off unless a bound is set.
	 */
	private final SendBufferSettings sendBuffer = new SendBufferSettings();

	/**
	 * Messages sent first on every connection.
	 */
	private final OnConnect onConnect = new OnConnect();

	/**
	 * HTTP basic authentication of the opening handshake.
	 */
	private final BasicAuth basicAuth = new BasicAuth();

	/**
	 * Message compression with permessage-deflate (RFC 7692).
	 */
	private final CompressionSettings compression = new CompressionSettings();

	/**
	 * Reconnect policy.
	 */
	private final Reconnect reconnect = new Reconnect();

	/**
	 * Ping/pong heartbeat.
	 */
	private final Heartbeat heartbeat = new Heartbeat();

	/**
	 * Bound on received messages waiting for listeners.
	 */
	private final Inbound inbound = new Inbound();

	/**
	 * TLS settings for wss:// URLs.
	 */
	private final Ssl ssl = new Ssl();

	/**
	 * HTTP proxy (CONNECT) to go through.
	 */
	private final Proxy proxy = new Proxy();

	/**
	 * Whether the application's start waits for the client.
	 */
	private final Startup startup = new Startup();

	/**
	 * STOMP 1.2 over the client's connection.
	 */
	private final Stomp stomp = new Stomp();

	/**
	 * Which instances of the application connect the client.
	 */
	private final Ownership ownership = new Ownership();

	/**
	 * Health contribution.
	 */
	private final Health health = new Health();

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public Boolean getAutoConnect() {
		return this.autoConnect;
	}

	public void setAutoConnect(Boolean autoConnect) {
		this.autoConnect = autoConnect;
	}

	public Boolean getAutoOpen() {
		return this.autoOpen;
	}

	public void setAutoOpen(Boolean autoOpen) {
		this.autoOpen = autoOpen;
	}

	public String getSubProtocol() {
		return this.subProtocol;
	}

	public void setSubProtocol(String subProtocol) {
		this.subProtocol = subProtocol;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public String getHeadersProvider() {
		return this.headersProvider;
	}

	public void setHeadersProvider(String headersProvider) {
		this.headersProvider = headersProvider;
	}

	public Integer getMaxRedirects() {
		return this.maxRedirects;
	}

	public void setMaxRedirects(Integer maxRedirects) {
		this.maxRedirects = maxRedirects;
	}

	public Duration getHandshakeTimeout() {
		return this.handshakeTimeout;
	}

	public void setHandshakeTimeout(Duration handshakeTimeout) {
		this.handshakeTimeout = handshakeTimeout;
	}

	public Duration getCloseTimeout() {
		return this.closeTimeout;
	}

	public void setCloseTimeout(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public DataSize getReadBufferCapacity() {
		return this.readBufferCapacity;
	}

	public void setReadBufferCapacity(DataSize readBufferCapacity) {
		this.readBufferCapacity = readBufferCapacity;
	}

	public Boolean getInlineDelivery() {
		return this.inlineDelivery;
	}

	public void setInlineDelivery(Boolean inlineDelivery) {
		this.inlineDelivery = inlineDelivery;
	}

	public Boolean getTcpNoDelay() {
		return this.tcpNoDelay;
	}

	public void setTcpNoDelay(Boolean tcpNoDelay) {
		this.tcpNoDelay = tcpNoDelay;
	}

	public Boolean getCoalesceSends() {
		return this.coalesceSends;
	}

	public void setCoalesceSends(Boolean coalesceSends) {
		this.coalesceSends = coalesceSends;
	}

	public List<String> getRedactedNames() {
		return this.redactedNames;
	}

	public void setRedactedNames(List<String> redactedNames) {
		this.redactedNames = redactedNames;
	}

	public SendBufferSettings getSendBuffer() {
		return this.sendBuffer;
	}

	public OnConnect getOnConnect() {
		return this.onConnect;
	}

	public BasicAuth getBasicAuth() {
		return this.basicAuth;
	}

	public CompressionSettings getCompression() {
		return this.compression;
	}

	public Reconnect getReconnect() {
		return this.reconnect;
	}

	public Heartbeat getHeartbeat() {
		return this.heartbeat;
	}

	public Inbound getInbound() {
		return this.inbound;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public Stomp getStomp() {
		return this.stomp;
	}

	public Ownership getOwnership() {
		return this.ownership;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Buffer for messages sent while the connection is re-established (connecting, or waiting to reconnect): they
	 * leave in order on the next open, after the on-connect messages. Off unless max-messages or max-bytes is set.
	 */
	public static class SendBufferSettings {

		/**
		 * Most messages held; setting it turns the buffer on. Default with the buffer on: 1024.
		 */
		private Integer maxMessages;

		/**
		 * Most payload bytes held; setting it turns the buffer on. Default with the buffer on: 1MB.
		 */
		private DataSize maxBytes;

		/**
		 * What a send does when the buffer is full: reject (returns -1 with NotOpenError) or drop-oldest. Default:
		 * reject.
		 */
		private SendBuffer.Overflow overflow;

		public Integer getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(Integer maxMessages) {
			this.maxMessages = maxMessages;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public SendBuffer.Overflow getOverflow() {
			return this.overflow;
		}

		public void setOverflow(SendBuffer.Overflow overflow) {
			this.overflow = overflow;
		}

	}

	/**
	 * Message compression with permessage-deflate (RFC 7692): offered by default; the server decides whether it is
	 * used. The client never offers client_max_window_bits, since the JDK's deflater cannot use a smaller window.
	 */
	public static class CompressionSettings {

		/**
		 * Whether permessage-deflate is offered in the opening handshake. Default: true.
		 */
		private Boolean enabled;

		/**
		 * Smallest message (text counted in UTF-8) compressed once the server agreed; smaller ones are sent as they
		 * are. Default: 256B.
		 */
		private DataSize threshold;

		/**
		 * Whether the client offers to compress every message on its own, so the server need not keep a window
		 * between messages. Default: false.
		 */
		private Boolean clientNoContextTakeover;

		/**
		 * Whether the server is asked to compress every message on its own; a server that will not is then used
		 * without compression. Default: false.
		 */
		private Boolean serverNoContextTakeover;

		/**
		 * Largest window the server is asked to compress with, 8 to 15 bits. Default: none (the server's choice).
		 */
		private Integer serverMaxWindowBits;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getThreshold() {
			return this.threshold;
		}

		public void setThreshold(DataSize threshold) {
			this.threshold = threshold;
		}

		public Boolean getClientNoContextTakeover() {
			return this.clientNoContextTakeover;
		}

		public void setClientNoContextTakeover(Boolean clientNoContextTakeover) {
			this.clientNoContextTakeover = clientNoContextTakeover;
		}

		public Boolean getServerNoContextTakeover() {
			return this.serverNoContextTakeover;
		}

		public void setServerNoContextTakeover(Boolean serverNoContextTakeover) {
			this.serverNoContextTakeover = serverNoContextTakeover;
		}

		public Integer getServerMaxWindowBits() {
			return this.serverMaxWindowBits;
		}

		public void setServerMaxWindowBits(Integer serverMaxWindowBits) {
			this.serverMaxWindowBits = serverMaxWindowBits;
		}

	}

	/**
	 * Messages sent first on every connection, also after each reconnect.
	 */
	public static class OnConnect {

		/**
		 * Text messages sent in order when a connection opens, before buffered ones: subscriptions, a login. A
		 * client's list replaces the default list.
		 */
		private List<String> send;

		public List<String> getSend() {
			return this.send;
		}

		public void setSend(List<String> send) {
			this.send = send;
		}

	}

	/**
	 * HTTP basic authentication of the opening handshake: sent with every attempt (preemptively, so a server that
	 * answers 401 with WWW-Authenticate: Basic gets them without a round trip).
	 */
	public static class BasicAuth {

		/**
		 * User name. Default: none.
		 */
		private String username;

		/**
		 * Password; never shown in logs, events, health or endpoints.
		 */
		private String password;

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

	/**
	 * Reconnect policy: exponential backoff with jitter.
	 */
	public static class Reconnect {

		/**
		 * Delay before the first reconnect attempt. Default: 1s.
		 */
		private Duration initialDelay;

		/**
		 * Growth of the delay per attempt, at least 1. Default: 2.
		 */
		private Double multiplier;

		/**
		 * Longest delay between attempts. Default: 30s.
		 */
		private Duration maxDelay;

		/**
		 * Random spread of each delay as a fraction of it, from 0 to 1. Default: 0.2.
		 */
		private Double jitter;

		/**
		 * Consecutive attempts before giving up; 0 for no limit. Default: 0.
		 */
		private Integer maxAttempts;

		/**
		 * How long a connection must stay open for the attempt count to start again. Default: 30s.
		 */
		private Duration resetAfter;

		/**
		 * Close codes after which no reconnect follows, replacing the default list: errors a retry will not fix.
		 * Default: 1002, 1003, 1007, 1008, 1009, 1010.
		 */
		private List<Integer> stopOnCloseCodes;

		/**
		 * Close codes to reconnect after even though the stop list has them, e.g. 1008 for a server that closes
		 * with it on a transient overload. Default: none.
		 */
		private List<Integer> retryOnCloseCodes;

		/**
		 * 4xx statuses of a refused opening handshake that are retried; any other 4xx stops reconnecting (a retry
		 * would get the same answer). Add 404 for a server that answers it for a moment while it restarts.
		 * Default: 408, 429.
		 */
		private List<Integer> retryOnHttpStatuses;

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(Double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Double getJitter() {
			return this.jitter;
		}

		public void setJitter(Double jitter) {
			this.jitter = jitter;
		}

		public Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getResetAfter() {
			return this.resetAfter;
		}

		public void setResetAfter(Duration resetAfter) {
			this.resetAfter = resetAfter;
		}

		public List<Integer> getStopOnCloseCodes() {
			return this.stopOnCloseCodes;
		}

		public void setStopOnCloseCodes(List<Integer> stopOnCloseCodes) {
			this.stopOnCloseCodes = stopOnCloseCodes;
		}

		public List<Integer> getRetryOnHttpStatuses() {
			return this.retryOnHttpStatuses;
		}

		public void setRetryOnHttpStatuses(List<Integer> retryOnHttpStatuses) {
			this.retryOnHttpStatuses = retryOnHttpStatuses;
		}

		public List<Integer> getRetryOnCloseCodes() {
			return this.retryOnCloseCodes;
		}

		public void setRetryOnCloseCodes(List<Integer> retryOnCloseCodes) {
			this.retryOnCloseCodes = retryOnCloseCodes;
		}

	}

	/**
	 * Ping/pong heartbeat; off unless an interval is set.
	 */
	public static class Heartbeat {

		/**
		 * Time between pings; setting it turns the heartbeat on. Default: none (off).
		 */
		private Duration interval;

		/**
		 * How long to wait for each pong before the connection is considered dead. Default: 10s.
		 */
		private Duration timeout;

		/**
		 * How many pings in a row may go unanswered before the connection is considered dead. Default: 1.
		 */
		private Integer maxMissed;

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Integer getMaxMissed() {
			return this.maxMissed;
		}

		public void setMaxMissed(Integer maxMissed) {
			this.maxMissed = maxMissed;
		}

	}

	/**
	 * Bound on received messages waiting for listeners.
	 */
	public static class Inbound {

		/**
		 * Most messages (pongs among them) waiting for listeners. Default: 1024.
		 */
		private Integer maxMessages;

		/**
		 * Most bytes waiting for listeners. Default: 16MB.
		 */
		private DataSize maxBytes;

		/**
		 * What happens when the bound is reached: block (stop reading until listeners catch up) or fail (close
		 * with 1008). Default: block.
		 */
		private InboundLimits.OverflowPolicy policy;

		public Integer getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(Integer maxMessages) {
			this.maxMessages = maxMessages;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public InboundLimits.OverflowPolicy getPolicy() {
			return this.policy;
		}

		public void setPolicy(InboundLimits.OverflowPolicy policy) {
			this.policy = policy;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material wss:// connections use. Default: the
		 * JVM's trust store.
		 */
		private String bundle;

		/**
		 * Whether the server certificate must match the URL's host name. Default: true.
		 */
		private Boolean verifyHostname;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

		public Boolean getVerifyHostname() {
			return this.verifyHostname;
		}

		public void setVerifyHostname(Boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
		}

	}

	/**
	 * HTTP proxy settings. Without a host, connections follow the JVM's proxy selector (-Dhttp.proxyHost, ...).
	 */
	public static class Proxy {

		/**
		 * Host of the HTTP proxy that ws:// and wss:// connections go through with CONNECT. Default: none, the
		 * JVM's proxy selector decides.
		 */
		private String host;

		/**
		 * Port of the HTTP proxy; required with a host.
		 */
		private Integer port;

		/**
		 * User for the proxy's basic authentication. Default: none.
		 */
		private String username;

		/**
		 * Password for the proxy's basic authentication; never shown in logs, events, health or endpoints.
		 */
		private String password;

		/**
		 * Hosts reached directly, not through the proxy: names, addresses, or patterns with '*' at either end.
		 */
		private List<String> nonProxyHosts;

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public Integer getPort() {
			return this.port;
		}

		public void setPort(Integer port) {
			this.port = port;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public List<String> getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(List<String> nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

	}

	/**
	 * STOMP 1.2 over the client's connection, through Spring's WebSocketStompClient: CONNECT and every
	 * subscription again after each reconnect. A client's value wins over the default's; a client's subscriptions
	 * replace the default's.
	 */
	public static class Stomp {

		/**
		 * Whether the client speaks STOMP. Default: false.
		 */
		private Boolean enabled;

		/**
		 * Virtual host sent in the CONNECT frame's host header. Default: none.
		 */
		private String host;

		/**
		 * Login sent in the CONNECT frame. Default: none.
		 */
		private String login;

		/**
		 * Passcode sent in the CONNECT frame; never shown in logs, events, health or endpoints.
		 */
		private String passcode;

		/**
		 * Interval of the client's STOMP heartbeats; 0 for none. Default: 0 (the WebSocket heartbeat covers a dead
		 * connection).
		 */
		private Duration heartbeatOutgoing;

		/**
		 * Interval of the server's STOMP heartbeats the client asks for; 0 for none. Default: 0.
		 */
		private Duration heartbeatIncoming;

		/**
		 * Whether every SUBSCRIBE and send asks for a RECEIPT; receipts are published as events. Default: false.
		 */
		private Boolean autoReceipt;

		/**
		 * Whether the count of received STOMP messages is tagged with the destination; only for a small, fixed
		 * set of destinations. Default: false.
		 */
		private Boolean metricsPerDestination;

		/**
		 * Destinations subscribed to after every CONNECT.
		 */
		private List<Subscription> subscriptions;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public String getLogin() {
			return this.login;
		}

		public void setLogin(String login) {
			this.login = login;
		}

		public String getPasscode() {
			return this.passcode;
		}

		public void setPasscode(String passcode) {
			this.passcode = passcode;
		}

		public Duration getHeartbeatOutgoing() {
			return this.heartbeatOutgoing;
		}

		public void setHeartbeatOutgoing(Duration heartbeatOutgoing) {
			this.heartbeatOutgoing = heartbeatOutgoing;
		}

		public Duration getHeartbeatIncoming() {
			return this.heartbeatIncoming;
		}

		public void setHeartbeatIncoming(Duration heartbeatIncoming) {
			this.heartbeatIncoming = heartbeatIncoming;
		}

		public Boolean getAutoReceipt() {
			return this.autoReceipt;
		}

		public void setAutoReceipt(Boolean autoReceipt) {
			this.autoReceipt = autoReceipt;
		}

		public Boolean getMetricsPerDestination() {
			return this.metricsPerDestination;
		}

		public void setMetricsPerDestination(Boolean metricsPerDestination) {
			this.metricsPerDestination = metricsPerDestination;
		}

		public List<Subscription> getSubscriptions() {
			return this.subscriptions;
		}

		public void setSubscriptions(List<Subscription> subscriptions) {
			this.subscriptions = subscriptions;
		}

	}

	/**
	 * Which instances of the application connect the client: every one, or the one that holds the client's role in
	 * a shared lock registry (Spring Integration's leader election).
	 */
	public static class Ownership {

		/**
		 * every-instance: every instance connects; single-instance: only the instance that owns the role does,
		 * the others stand by. Default: every-instance.
		 */
		private OwnershipMode mode;

		/**
		 * Role whose owner connects the client; clients with the same role move together. Default:
		 * incore.websocket.<client name>.
		 */
		private String role;

		/**
		 * Name of the LockRegistry bean to elect the owner with. Default: the application's only LockRegistry.
		 */
		private String lockRegistry;

		/**
		 * How long the owner may go without renewing its lock before it closes the connection itself; keep it
		 * well below the lock registry's time-to-live (JdbcLockRegistry: 10s, RedisLockRegistry: 60s by default),
		 * so that a new owner never connects while the old one is still connected. Default: 5s.
		 */
		private Duration renewalTimeout;

		public OwnershipMode getMode() {
			return this.mode;
		}

		public void setMode(OwnershipMode mode) {
			this.mode = mode;
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getLockRegistry() {
			return this.lockRegistry;
		}

		public void setLockRegistry(String lockRegistry) {
			this.lockRegistry = lockRegistry;
		}

		public Duration getRenewalTimeout() {
			return this.renewalTimeout;
		}

		public void setRenewalTimeout(Duration renewalTimeout) {
			this.renewalTimeout = renewalTimeout;
		}

	}

	/**
	 * One STOMP subscription.
	 */
	public static class Subscription {

		/**
		 * Destination to subscribe to, e.g. /topic/quotes.
		 */
		private String destination;

		/**
		 * Subscription id; default: one generated per subscription.
		 */
		private String id;

		public String getDestination() {
			return this.destination;
		}

		public void setDestination(String destination) {
			this.destination = destination;
		}

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

	}

	/**
	 * Whether the application's start waits for the client.
	 */
	public static class Startup {

		/**
		 * async: start at once, the client connects in the background; wait: the start waits until the client is
		 * open or the timeout passed, then logs and goes on; fail-fast: the first error or the timeout fails the
		 * start-up. Default: async.
		 */
		private ClientStartup.Mode mode;

		/**
		 * Longest wait in the modes wait and fail-fast. Default: 30s.
		 */
		private Duration timeout;

		public ClientStartup.Mode getMode() {
			return this.mode;
		}

		public void setMode(ClientStartup.Mode mode) {
			this.mode = mode;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Health contribution of the client.
	 */
	public static class Health {

		/**
		 * Whether the client being down makes the application's health DOWN and the readiness probe fail.
		 * Default: true.
		 */
		private Boolean required;

		public Boolean getRequired() {
			return this.required;
		}

		public void setRequired(Boolean required) {
			this.required = required;
		}

	}

}
