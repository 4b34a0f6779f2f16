package io.incore.websocket.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.incore.websocket.Compression;
import io.incore.websocket.HandshakeHeadersProvider;
import io.incore.websocket.Heartbeat;
import io.incore.websocket.HttpProxy;
import io.incore.websocket.InboundLimits;
import io.incore.websocket.ReconnectPolicy;
import io.incore.websocket.SendBuffer;
import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.WebSocketUrl;
import io.incore.websocket.boot.ClientStartup;
import io.incore.websocket.boot.InvalidWebSocketClientPropertyException;
import io.incore.websocket.boot.OwnershipMode;
import io.incore.websocket.boot.WebSocketClientCustomizer;
import io.incore.websocket.boot.WebSocketClients;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link IncoreWebSocketProperties} into {@link WebSocket} clients: maps each client's settings, over the
 * shared defaults, onto the core's option builders (whose defaults are the built-in ones), validates every client
 * before creating any, applies the customizers.
 */
final class WebSocketClientFactory {

	static final String PREFIX = "incore.websocket";

	private static final String LEADER_INITIATOR = "org.springframework.integration.support.leader.LockRegistryLeaderInitiator";

	private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

	private final IncoreWebSocketProperties properties;

	private final SslBundles sslBundles;

	private final List<WebSocketClientCustomizer> customizers;

	private final ClassLoader classLoader;

	private final ListableBeanFactory beans;

	WebSocketClientFactory(IncoreWebSocketProperties properties, SslBundles sslBundles,
			List<WebSocketClientCustomizer> customizers, ListableBeanFactory beans) {
		this(properties, sslBundles, customizers, WebSocketClientFactory.class.getClassLoader(), beans);
	}

	WebSocketClientFactory(IncoreWebSocketProperties properties, SslBundles sslBundles,
			List<WebSocketClientCustomizer> customizers, ClassLoader classLoader, ListableBeanFactory beans) {
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.customizers = customizers;
		this.classLoader = classLoader;
		this.beans = beans;
	}

	/**
	 * Validates every configured client, then creates them all.
	 * @param userDefined clients the application defined as beans itself, by name; used as they are
	 * @throws InvalidWebSocketClientPropertyException for the first invalid setting
	 */
	WebSocketClients createClients(Map<String, WebSocket> userDefined) {
		Map<String, ClientPlan> plans = new LinkedHashMap<>();
		this.properties.getClients().forEach((name, settings) -> {
			if (!userDefined.containsKey(name)) {
				plans.put(name, plan(name, settings));
			}
		});
		Map<String, WebSocket> clients = new LinkedHashMap<>();
		for (String name : this.properties.getClients().keySet()) {
			ClientPlan plan = plans.get(name);
			clients.put(name, (plan != null) ? plan.create(name) : userDefined.get(name));
		}
		return new WebSocketClients(clients);
	}

	private ClientPlan plan(String name, WebSocketClientSettings own) {
		if (!CLIENT_NAME.matcher(name).matches()) {
			throw new InvalidWebSocketClientPropertyException(PREFIX + ".clients." + name, name,
					"the client name is used as the bean name and must start with a letter followed by letters, "
							+ "digits, '-' or '_'",
					"Rename the client under " + PREFIX + ".clients, e.g. to 'market-feed'");
		}
		MergedClientSettings settings = new MergedClientSettings(name, own, this.properties.getDefaults());
		String url = settings.get(WebSocketClientSettings::getUrl, null);
		if (url == null || url.isBlank()) {
			String path = settings.path("url");
			throw new InvalidWebSocketClientPropertyException(path, null, "the URL of the server is missing",
					"Set " + path + " to the server's URL, e.g. ws://localhost:8080/ws or wss://example.org/ws");
		}
		Set<String> redactedNames = redactedNames(settings);
		if (!url.contains("${")) {
			validateUrl(settings.path("url"), url, redactedNames);
		}
		WebSocketOptions.Builder options = options(settings, redactedNames);
		this.customizers.forEach((customizer) -> customizer.customize(name, options));
		boolean standsBy = singleInstance(settings, this.classLoader);
		return new ClientPlan(url, settings.get(WebSocketClientSettings::getSubProtocol, ""),
				!standsBy && settings.get(WebSocketClientSettings::getAutoConnect, true),
				!standsBy && settings.get(WebSocketClientSettings::getAutoOpen, false),
				settings.create("", options::build));
	}

	/**
	 * Tells whether only the owner of the client's role connects it; such a client is created not to connect by
	 * itself, and its ownership connects it.
	 * @throws InvalidWebSocketClientPropertyException if Spring Integration is missing
	 */
	static boolean singleInstance(MergedClientSettings settings, ClassLoader classLoader) {
		if (settings.get((s) -> s.getOwnership().getMode(), OwnershipMode.EVERY_INSTANCE)
				!= OwnershipMode.SINGLE_INSTANCE) {
			return false;
		}
		if (!ClassUtils.isPresent(LEADER_INITIATOR, classLoader)) {
			String path = settings.path("ownership.mode");
			throw new InvalidWebSocketClientPropertyException(path, "single-instance",
					"the owner is elected with Spring Integration, which is not on the classpath",
					"Add org.springframework.integration:spring-integration-jdbc (or -redis, -zookeeper, ...) and a "
							+ "LockRegistry bean, e.g. a JdbcLockRegistry on the application's DataSource, or set "
							+ path + " to every-instance");
		}
		return true;
	}

	/**
	 * Maps the settings onto a builder that starts from the core's defaults, so that an unset property keeps the
	 * core's value; the option records validate what is set.
	 */
	private WebSocketOptions.Builder options(MergedClientSettings settings, Set<String> redactedNames) {
		WebSocketOptions.Builder options = WebSocketOptions.builder();
		Map<String, String> headers = new LinkedHashMap<>(settings.defaults().getHeaders());
		headers.putAll(settings.own().getHeaders());
		basicAuthorization(settings).ifPresent((authorization) -> {
			if (headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
				String path = settings.path("basic-auth.username");
				throw new InvalidWebSocketClientPropertyException(path, settings.get((s) -> s.getBasicAuth()
					.getUsername(), null), "the headers set Authorization too, which basic-auth would replace",
						"Set either " + path + " with its password, or an Authorization header, not both");
			}
			headers.put("Authorization", authorization);
		});
		options.headers(headers);
		options.redactedNames(redactedNames);
		settings.from(WebSocketClientSettings::getHandshakeTimeout).to(options::handshakeTimeout);
		settings.from(WebSocketClientSettings::getMaxRedirects).to(options::maxRedirects);
		settings.from(WebSocketClientSettings::getCloseTimeout).to(options::closeTimeout);
		settings.from(WebSocketClientSettings::getMaxMessageSize).as(DataSize::toBytes).to(options::maxMessageSize);
		settings.from(WebSocketClientSettings::getReadBufferCapacity).as(DataSize::toBytes)
			.to(options::readBufferCapacity);
		settings.from((s) -> s.getSsl().getVerifyHostname()).to(options::verifyHostname);
		settings.from(WebSocketClientSettings::getInlineDelivery).to(options::inlineDelivery);
		settings.from(WebSocketClientSettings::getTcpNoDelay).to(options::tcpNoDelay);
		settings.from(WebSocketClientSettings::getCoalesceSends).to(options::coalesceSends);
		settings.from((s) -> s.getOnConnect().getSend()).to(options::connectMessages);
		options.reconnect(settings.create("reconnect", () -> reconnect(settings)));
		options.heartbeat(settings.create("heartbeat", () -> heartbeat(settings)));
		options.inbound(settings.create("inbound", () -> inbound(settings)));
		options.sendBuffer(settings.create("send-buffer", () -> sendBuffer(settings)));
		options.proxy(settings.create("proxy", () -> proxy(settings)));
		options.compression(settings.create("compression", () -> compression(settings)));
		settings.from((s) -> s.getSsl().getBundle()).to((bundle) -> options.sslContext(sslContext(settings, bundle)));
		settings.from(WebSocketClientSettings::getHeadersProvider)
			.to((name) -> options.headersProvider(headersProvider(settings, name)));
		return options;
	}

	/**
	 * Returns the {@code Authorization} header of the configured basic authentication, if any.
	 */
	private static Optional<String> basicAuthorization(MergedClientSettings settings) {
		String username = settings.get((s) -> s.getBasicAuth().getUsername(), null);
		String password = settings.get((s) -> s.getBasicAuth().getPassword(), null);
		if (username == null) {
			if (password != null) {
				String path = settings.path("basic-auth.password");
				throw new InvalidWebSocketClientPropertyException(path, "***", "a password needs a username",
						"Set the username beside " + path + ", or remove the password");
			}
			return Optional.empty();
		}
		String credentials = username + ":" + ((password != null) ? password : "");
		return Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	private HandshakeHeadersProvider headersProvider(MergedClientSettings settings, String name) {
		String path = settings.path("headers-provider");
		if (this.beans == null || !this.beans.containsBean(name)
				|| !this.beans.isTypeMatch(name, HandshakeHeadersProvider.class)) {
			throw new InvalidWebSocketClientPropertyException(path, name, "there is no HandshakeHeadersProvider bean of "
					+ "that name", "Define a HandshakeHeadersProvider bean named '" + name + "', or set " + path
							+ " to the name of an existing one");
		}
		return this.beans.getBean(name, HandshakeHeadersProvider.class);
	}

	/**
	 * Returns the options of the shared defaults alone, for connections that belong to no configured client.
	 * @return the options
	 * @throws InvalidWebSocketClientPropertyException for an invalid default
	 */
	WebSocketOptions defaultOptions() {
		MergedClientSettings settings = new MergedClientSettings("default", new WebSocketClientSettings(),
				this.properties.getDefaults());
		return settings.create("", options(settings, redactedNames(settings))::build);
	}

	/**
	 * Resolves the start-up mode of every configured client. Decision: the start never waits for a
	 * single-instance client, which connects only once its instance owns it, after the start.
	 * @param properties the configuration
	 * @return the modes by client name
	 * @throws InvalidWebSocketClientPropertyException for an invalid timeout
	 */
	static Map<String, ClientStartup> startups(IncoreWebSocketProperties properties) {
		Map<String, ClientStartup> startups = new LinkedHashMap<>();
		properties.getClients().forEach((name, own) -> {
			MergedClientSettings settings = new MergedClientSettings(name, own, properties.getDefaults());
			if (settings.get((s) -> s.getOwnership().getMode(), OwnershipMode.EVERY_INSTANCE)
					== OwnershipMode.SINGLE_INSTANCE) {
				startups.put(name, ClientStartup.DEFAULT);
				return;
			}
			startups.put(name, settings.create("startup", () -> new ClientStartup(
					settings.get((s) -> s.getStartup().getMode(), ClientStartup.DEFAULT.mode()),
					settings.get((s) -> s.getStartup().getTimeout(), ClientStartup.DEFAULT.timeout()))));
		});
		return startups;
	}

	/**
	 * Checks a URL as the client will before connecting.
	 * @param property the property the URL came from
	 * @param url the URL
	 * @param redactedNames more parameter names whose values are not shown
	 * @throws InvalidWebSocketClientPropertyException if it cannot be connected to
	 */
	static void validateUrl(String property, String url, Set<String> redactedNames) {
		WebSocketUrl.Check check = WebSocketUrl.check(url, redactedNames);
		if (!check.valid()) {
			throw new InvalidWebSocketClientPropertyException(property, WebSocketUrl.redact(url, redactedNames),
					check.message(),
					"Set " + property + " to a ws:// or wss:// URL with a host, e.g. ws://localhost:8080/ws");
		}
	}

	private static Set<String> redactedNames(MergedClientSettings settings) {
		Set<String> names = new LinkedHashSet<>(settings.defaults().getRedactedNames());
		names.addAll(settings.own().getRedactedNames());
		return names;
	}

	private static ReconnectPolicy reconnect(MergedClientSettings settings) {
		ReconnectPolicy defaults = ReconnectPolicy.DEFAULT;
		Set<Integer> stopOn = new LinkedHashSet<>(
				settings.get((s) -> s.getReconnect().getStopOnCloseCodes(), List.copyOf(defaults.stopOnCloseCodes())));
		stopOn.removeAll(settings.get((s) -> s.getReconnect().getRetryOnCloseCodes(), List.of()));
		return new ReconnectPolicy(settings.get((s) -> s.getReconnect().getInitialDelay(), defaults.initialDelay()),
				settings.get((s) -> s.getReconnect().getMultiplier(), defaults.multiplier()),
				settings.get((s) -> s.getReconnect().getMaxDelay(), defaults.maxDelay()),
				settings.get((s) -> s.getReconnect().getJitter(), defaults.jitter()),
				settings.get((s) -> s.getReconnect().getMaxAttempts(), defaults.maxAttempts()),
				settings.get((s) -> s.getReconnect().getResetAfter(), defaults.resetAfter()), stopOn,
				Set.copyOf(settings.get((s) -> s.getReconnect().getRetryOnHttpStatuses(),
						List.copyOf(defaults.retryOnHttpStatuses()))));
	}

	/**
	 * The heartbeat, or {@code null} (off) unless an interval is set. Its other settings are validated even while
	 * it is off, so that a wrong value is reported before the heartbeat is turned on.
	 */
	private static Heartbeat heartbeat(MergedClientSettings settings) {
		Duration timeout = settings.get((s) -> s.getHeartbeat().getTimeout(), Heartbeat.DEFAULT_TIMEOUT);
		int maxMissed = settings.get((s) -> s.getHeartbeat().getMaxMissed(), Heartbeat.DEFAULT_MAX_MISSED);
		Duration interval = settings.get((s) -> s.getHeartbeat().getInterval(), null);
		Heartbeat heartbeat = new Heartbeat((interval != null) ? interval : timeout, timeout, maxMissed);
		return (interval != null) ? heartbeat : null;
	}

	private static InboundLimits inbound(MergedClientSettings settings) {
		InboundLimits defaults = InboundLimits.DEFAULT;
		return new InboundLimits(settings.get((s) -> s.getInbound().getMaxMessages(), defaults.maxMessages()),
				bytes(settings.get((s) -> s.getInbound().getMaxBytes(), null), defaults.maxBytes()),
				settings.get((s) -> s.getInbound().getPolicy(), defaults.policy()));
	}

	/**
	 * The send buffer, or {@code null} (off) unless one of its bounds is set.
	 */
	private static SendBuffer sendBuffer(MergedClientSettings settings) {
		Integer maxMessages = settings.get((s) -> s.getSendBuffer().getMaxMessages(), null);
		DataSize maxBytes = settings.get((s) -> s.getSendBuffer().getMaxBytes(), null);
		if (maxMessages == null && maxBytes == null) {
			return null;
		}
		return new SendBuffer((maxMessages != null) ? maxMessages : SendBuffer.DEFAULT_MAX_MESSAGES,
				bytes(maxBytes, SendBuffer.DEFAULT_MAX_BYTES),
				settings.get((s) -> s.getSendBuffer().getOverflow(), SendBuffer.Overflow.REJECT));
	}

	private static Compression compression(MergedClientSettings settings) {
		Compression defaults = Compression.DEFAULT;
		DataSize threshold = settings.get((s) -> s.getCompression().getThreshold(), null);
		return new Compression(settings.get((s) -> s.getCompression().getEnabled(), defaults.enabled()),
				(threshold != null) ? (int) Math.min(Integer.MAX_VALUE, threshold.toBytes()) : defaults.threshold(),
				settings.get((s) -> s.getCompression().getClientNoContextTakeover(), defaults.clientNoContextTakeover()),
				settings.get((s) -> s.getCompression().getServerNoContextTakeover(), defaults.serverNoContextTakeover()),
				settings.get((s) -> s.getCompression().getServerMaxWindowBits(), defaults.serverMaxWindowBits()));
	}

	private static long bytes(DataSize size, long fallback) {
		return (size != null) ? size.toBytes() : fallback;
	}

	/**
	 * The proxy of the settings, or {@code null} without a host, so that the JVM's proxy selector decides.
	 */
	private static HttpProxy proxy(MergedClientSettings settings) {
		String host = settings.get((s) -> s.getProxy().getHost(), null);
		if (host == null || host.isBlank()) {
			return null;
		}
		Integer port = settings.get((s) -> s.getProxy().getPort(), null);
		if (port == null) {
			String path = settings.path("proxy.port");
			throw new InvalidWebSocketClientPropertyException(path, null, "a proxy needs a port",
					"Set " + path + " to the proxy's port, e.g. 3128");
		}
		return new HttpProxy(host, port, settings.get((s) -> s.getProxy().getUsername(), null),
				settings.get((s) -> s.getProxy().getPassword(), null),
				settings.get((s) -> s.getProxy().getNonProxyHosts(), List.of()));
	}

	private SSLContext sslContext(MergedClientSettings settings, String bundle) {
		String path = settings.path("ssl.bundle");
		if (this.sslBundles == null) {
			throw new InvalidWebSocketClientPropertyException(path, bundle,
					"no SSL bundles are available in this application",
					"Define the bundle under spring.ssl.bundle.* and keep SslAutoConfiguration enabled");
		}
		try {
			return this.sslBundles.getBundle(bundle).createSslContext();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidWebSocketClientPropertyException(path, bundle, "there is no SSL bundle of that name",
					"Define spring.ssl.bundle.pem." + bundle + ".* (or .jks." + bundle + ".*), or set " + path
							+ " to the name of an existing bundle");
		}
	}

	/**
	 * A validated client, ready to be created.
	 */
	private record ClientPlan(String url, String subProtocol, boolean autoConnect, boolean autoOpen,
			WebSocketOptions options) {

		WebSocket create(String name) {
			WebSocket client = new WebSocket(null, this.options);
			client.setObjectId(name);
			client.setUrl(this.url);
			client.setSubProtocol(this.subProtocol);
			client.setAutoConnect(this.autoConnect);
			client.setAutoOpen(this.autoOpen);
			return client;
		}

	}

}
