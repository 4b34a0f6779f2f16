package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

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
import io.incore.websocket.boot.WebSocketClientCustomizer;
import io.incore.websocket.boot.WebSocketClients;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link IncoreWebSocketProperties} into {@link WebSocket} clients: merges each client's settings over the
 * defaults and the built-in defaults, validates every client before creating any, applies the customizers.
 */
final class WebSocketClientFactory {

	static final String PREFIX = "incore.websocket";

	private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

	private static final int DEFAULT_SEND_BUFFER_MESSAGES = 1024;

	private static final long DEFAULT_SEND_BUFFER_BYTES = DataSize.ofMegabytes(1).toBytes();

	private static final Heartbeat HEARTBEAT_DEFAULTS = new Heartbeat(Duration.ofSeconds(30), Duration.ofSeconds(10));

	private final IncoreWebSocketProperties properties;

	private final SslBundles sslBundles;

	private final List<WebSocketClientCustomizer> customizers;

	WebSocketClientFactory(IncoreWebSocketProperties properties, SslBundles sslBundles,
			List<WebSocketClientCustomizer> customizers) {
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.customizers = customizers;
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

	private ClientPlan plan(String name, WebSocketClientSettings settings) {
		if (!CLIENT_NAME.matcher(name).matches()) {
			throw new InvalidWebSocketClientPropertyException(PREFIX + ".clients." + name, name,
					"the client name is used as the bean name and must start with a letter followed by letters, "
							+ "digits, '-' or '_'",
					"Rename the client under " + PREFIX + ".clients, e.g. to 'market-feed'");
		}
		Settings resolved = new Settings(name, settings, this.properties.getDefaults());
		Setting<String> url = resolved.get("url", WebSocketClientSettings::getUrl);
		if (url.value() == null || url.value().isBlank()) {
			throw new InvalidWebSocketClientPropertyException(url.path(), null, "the URL of the server is missing",
					"Set " + url.path() + " to the server's URL, e.g. ws://localhost:8080/ws or wss://example.org/ws");
		}
		Set<String> redactedNames = resolved.redactedNames();
		if (!url.value().contains("${")) {
			validateUrl(url.path(), url.value(), redactedNames);
		}
		WebSocketOptions.Builder options = WebSocketOptions.builder();
		options.headers(resolved.headers());
		options.redactedNames(redactedNames);
		options.handshakeTimeout(resolved.duration("handshake-timeout", WebSocketClientSettings::getHandshakeTimeout,
				WebSocketOptions.DEFAULT_HANDSHAKE_TIMEOUT));
		options.closeTimeout(resolved.duration("close-timeout", WebSocketClientSettings::getCloseTimeout,
				WebSocketOptions.DEFAULT_CLOSE_TIMEOUT));
		options.maxMessageSize(resolved.size("max-message-size", WebSocketClientSettings::getMaxMessageSize,
				WebSocketOptions.DEFAULT_MAX_MESSAGE_SIZE, WebSocketOptions.MAX_MESSAGE_SIZE_LIMIT));
		options.readBufferCapacity(resolved.size("read-buffer-capacity",
				WebSocketClientSettings::getReadBufferCapacity, WebSocketOptions.DEFAULT_READ_BUFFER_CAPACITY,
				Long.MAX_VALUE));
		options.reconnect(reconnect(resolved));
		options.heartbeat(heartbeat(resolved));
		options.inbound(inbound(resolved));
		options.verifyHostname(resolved.or("ssl.verify-hostname", (s) -> s.getSsl().getVerifyHostname(), true));
		options.inlineDelivery(resolved.or("inline-delivery", WebSocketClientSettings::getInlineDelivery, false));
		options.tcpNoDelay(resolved.or("tcp-no-delay", WebSocketClientSettings::getTcpNoDelay, true));
		options.coalesceSends(resolved.or("coalesce-sends", WebSocketClientSettings::getCoalesceSends, true));
		options.proxy(proxy(resolved));
		options.sendBuffer(sendBuffer(resolved));
		options.connectMessages(resolved.or("on-connect.send", (s) -> s.getOnConnect().getSend(), List.of()));
		Setting<String> bundle = resolved.get("ssl.bundle", (s) -> s.getSsl().getBundle());
		if (bundle.value() != null) {
			options.sslContext(sslContext(bundle));
		}
		this.customizers.forEach((customizer) -> customizer.customize(name, options));
		return new ClientPlan(url.value(), resolved.or("sub-protocol", WebSocketClientSettings::getSubProtocol, ""),
				resolved.or("auto-connect", WebSocketClientSettings::getAutoConnect, true),
				resolved.or("auto-open", WebSocketClientSettings::getAutoOpen, false), options.build());
	}

	/**
	 * Resolves the start-up mode of every configured client.
	 * @param properties the configuration
	 * @return the modes by client name
	 * @throws InvalidWebSocketClientPropertyException for an invalid timeout
	 */
	static Map<String, ClientStartup> startups(IncoreWebSocketProperties properties) {
		Map<String, ClientStartup> startups = new LinkedHashMap<>();
		properties.getClients().forEach((name, settings) -> {
			Settings resolved = new Settings(name, settings, properties.getDefaults());
			startups.put(name, new ClientStartup(
					resolved.or("startup.mode", (s) -> s.getStartup().getMode(), ClientStartup.DEFAULT.mode()),
					resolved.duration("startup.timeout", (s) -> s.getStartup().getTimeout(),
							ClientStartup.DEFAULT.timeout())));
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

	private static ReconnectPolicy reconnect(Settings resolved) {
		ReconnectPolicy defaults = ReconnectPolicy.DEFAULT;
		Duration initialDelay = resolved.duration("reconnect.initial-delay", (s) -> s.getReconnect().getInitialDelay(),
				defaults.initialDelay());
		Setting<Double> multiplier = resolved.get("reconnect.multiplier", (s) -> s.getReconnect().getMultiplier());
		if (multiplier.value() != null && !(multiplier.value() >= 1.0)) {
			throw new InvalidWebSocketClientPropertyException(multiplier.path(), multiplier.value(),
					"the delay must not shrink between attempts", "Set " + multiplier.path() + " to 1 or more, e.g. 2");
		}
		Duration maxDelay = resolved.duration("reconnect.max-delay", (s) -> s.getReconnect().getMaxDelay(),
				defaults.maxDelay());
		if (maxDelay.compareTo(initialDelay) < 0) {
			String property = resolved.get("reconnect.max-delay", (s) -> s.getReconnect().getMaxDelay()).path();
			throw new InvalidWebSocketClientPropertyException(property, readable(maxDelay),
					"it is shorter than the initial delay " + readable(initialDelay),
					"Set " + property + " to at least the initial delay");
		}
		Setting<Double> jitter = resolved.get("reconnect.jitter", (s) -> s.getReconnect().getJitter());
		if (jitter.value() != null && !(jitter.value() >= 0.0 && jitter.value() <= 1.0)) {
			throw new InvalidWebSocketClientPropertyException(jitter.path(), jitter.value(),
					"the jitter is a fraction of the delay", "Set " + jitter.path() + " to a value from 0 to 1, e.g. 0.2");
		}
		Setting<Integer> maxAttempts = resolved.get("reconnect.max-attempts", (s) -> s.getReconnect().getMaxAttempts());
		if (maxAttempts.value() != null && maxAttempts.value() < 0) {
			throw new InvalidWebSocketClientPropertyException(maxAttempts.path(), maxAttempts.value(),
					"the number of attempts cannot be negative",
					"Set " + maxAttempts.path() + " to 0 for no limit or to a positive number");
		}
		return new ReconnectPolicy(initialDelay, (multiplier.value() != null) ? multiplier.value() : defaults.multiplier(),
				maxDelay, (jitter.value() != null) ? jitter.value() : defaults.jitter(),
				(maxAttempts.value() != null) ? maxAttempts.value() : defaults.maxAttempts(),
				resolved.duration("reconnect.reset-after", (s) -> s.getReconnect().getResetAfter(), defaults.resetAfter()));
	}

	private static Heartbeat heartbeat(Settings resolved) {
		Duration timeout = resolved.duration("heartbeat.timeout", (s) -> s.getHeartbeat().getTimeout(),
				HEARTBEAT_DEFAULTS.timeout());
		Setting<Integer> maxMissed = resolved.get("heartbeat.max-missed", (s) -> s.getHeartbeat().getMaxMissed());
		if (maxMissed.value() != null && maxMissed.value() < 1) {
			throw new InvalidWebSocketClientPropertyException(maxMissed.path(), maxMissed.value(),
					"at least one ping must go unanswered before the connection is given up",
					"Set " + maxMissed.path() + " to 1 (the default) or more");
		}
		Setting<Duration> interval = resolved.get("heartbeat.interval", (s) -> s.getHeartbeat().getInterval());
		if (interval.value() == null) {
			return null;
		}
		return new Heartbeat(resolved.duration("heartbeat.interval", (s) -> s.getHeartbeat().getInterval(),
				HEARTBEAT_DEFAULTS.interval()), timeout,
				(maxMissed.value() != null) ? maxMissed.value() : HEARTBEAT_DEFAULTS.maxMissed());
	}

	/**
	 * The proxy of the settings, or {@code null} without a host, so that the JVM's proxy selector decides.
	 */
	private static HttpProxy proxy(Settings resolved) {
		Setting<String> host = resolved.get("proxy.host", (s) -> s.getProxy().getHost());
		if (host.value() == null || host.value().isBlank()) {
			return null;
		}
		Setting<Integer> port = resolved.get("proxy.port", (s) -> s.getProxy().getPort());
		String portProperty = host.path().substring(0, host.path().length() - "host".length()) + "port";
		if (port.value() == null) {
			throw new InvalidWebSocketClientPropertyException(portProperty, null, "a proxy needs a port",
					"Set " + portProperty + ", e.g. 3128");
		}
		if (port.value() < 1 || port.value() > 65535) {
			throw new InvalidWebSocketClientPropertyException(port.path(), port.value(),
					"a port is between 1 and 65535", "Set " + port.path() + " to the proxy's port, e.g. 3128");
		}
		Setting<String> username = resolved.get("proxy.username", (s) -> s.getProxy().getUsername());
		Setting<String> password = resolved.get("proxy.password", (s) -> s.getProxy().getPassword());
		if (password.value() != null && username.value() == null) {
			throw new InvalidWebSocketClientPropertyException(password.path(), "***", "a password needs a username",
					"Set the username beside " + password.path() + ", or remove the password");
		}
		return new HttpProxy(host.value(), port.value(), username.value(), password.value(),
				resolved.or("proxy.non-proxy-hosts", (s) -> s.getProxy().getNonProxyHosts(), List.of()));
	}

	/**
	 * The send buffer, or {@code null} (off) unless one of its bounds is set.
	 */
	private static SendBuffer sendBuffer(Settings resolved) {
		Setting<Integer> maxMessages = resolved.get("send-buffer.max-messages",
				(s) -> s.getSendBuffer().getMaxMessages());
		Setting<DataSize> maxBytes = resolved.get("send-buffer.max-bytes", (s) -> s.getSendBuffer().getMaxBytes());
		if (maxMessages.value() == null && maxBytes.value() == null) {
			return null;
		}
		if (maxMessages.value() != null && maxMessages.value() <= 0) {
			throw new InvalidWebSocketClientPropertyException(maxMessages.path(), maxMessages.value(),
					"at least one message must fit",
					"Set " + maxMessages.path() + " to a positive number, e.g. 1024, or remove it");
		}
		return new SendBuffer((maxMessages.value() != null) ? maxMessages.value() : DEFAULT_SEND_BUFFER_MESSAGES,
				resolved.size("send-buffer.max-bytes", (s) -> s.getSendBuffer().getMaxBytes(),
						DEFAULT_SEND_BUFFER_BYTES, Long.MAX_VALUE),
				resolved.or("send-buffer.overflow", (s) -> s.getSendBuffer().getOverflow(),
						SendBuffer.Overflow.REJECT));
	}

	private static InboundLimits inbound(Settings resolved) {
		InboundLimits defaults = InboundLimits.DEFAULT;
		Setting<Integer> maxMessages = resolved.get("inbound.max-messages", (s) -> s.getInbound().getMaxMessages());
		if (maxMessages.value() != null && maxMessages.value() <= 0) {
			throw new InvalidWebSocketClientPropertyException(maxMessages.path(), maxMessages.value(),
					"at least one message must fit", "Set " + maxMessages.path() + " to a positive number, e.g. 1024");
		}
		return new InboundLimits((maxMessages.value() != null) ? maxMessages.value() : defaults.maxMessages(),
				resolved.size("inbound.max-bytes", (s) -> s.getInbound().getMaxBytes(), defaults.maxBytes(),
						Long.MAX_VALUE),
				resolved.or("inbound.policy", (s) -> s.getInbound().getPolicy(), defaults.policy()));
	}

	private SSLContext sslContext(Setting<String> bundle) {
		if (this.sslBundles == null) {
			throw new InvalidWebSocketClientPropertyException(bundle.path(), bundle.value(),
					"no SSL bundles are available in this application",
					"Define the bundle under spring.ssl.bundle.* and keep SslAutoConfiguration enabled");
		}
		try {
			return this.sslBundles.getBundle(bundle.value()).createSslContext();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidWebSocketClientPropertyException(bundle.path(), bundle.value(),
					"there is no SSL bundle of that name",
					"Define spring.ssl.bundle.pem." + bundle.value() + ".* (or .jks." + bundle.value()
							+ ".*), or set " + bundle.path() + " to the name of an existing bundle");
		}
	}

	/**
	 * A client's settings resolved against the defaults, with the property path each value came from.
	 */
	private record Settings(String name, WebSocketClientSettings client, WebSocketClientSettings defaults) {

		/**
		 * Returns the client's own value, else the default; the path names where the value came from, or the
		 * client's own property when neither is set.
		 */
		<T> Setting<T> get(String property, Function<WebSocketClientSettings, T> getter) {
			String own = PREFIX + ".clients." + this.name + "." + property;
			T value = getter.apply(this.client);
			if (value != null) {
				return new Setting<>(own, value);
			}
			T shared = getter.apply(this.defaults);
			return (shared != null) ? new Setting<>(PREFIX + ".defaults." + property, shared) : new Setting<>(own, null);
		}

		<T> T or(String property, Function<WebSocketClientSettings, T> getter, T builtIn) {
			T value = get(property, getter).value();
			return (value != null) ? value : builtIn;
		}

		Duration duration(String property, Function<WebSocketClientSettings, Duration> getter, Duration builtIn) {
			Setting<Duration> setting = get(property, getter);
			if (setting.value() == null) {
				return builtIn;
			}
			if (setting.value().isNegative() || setting.value().isZero()) {
				throw new InvalidWebSocketClientPropertyException(setting.path(), readable(setting.value()),
						"the duration must be positive",
						"Set " + setting.path() + " to a positive duration such as 500ms, 10s or 1m");
			}
			return setting.value();
		}

		long size(String property, Function<WebSocketClientSettings, DataSize> getter, long builtIn, long maximum) {
			Setting<DataSize> setting = get(property, getter);
			if (setting.value() == null) {
				return builtIn;
			}
			long bytes = setting.value().toBytes();
			if (bytes <= 0 || bytes > maximum) {
				throw new InvalidWebSocketClientPropertyException(setting.path(), setting.value(),
						"the size must be positive" + ((maximum < Long.MAX_VALUE) ? " and at most " + maximum + " bytes" : ""),
						"Set " + setting.path() + " to a size such as 64KB or 16MB");
			}
			return bytes;
		}

		Set<String> redactedNames() {
			Set<String> names = new LinkedHashSet<>(this.defaults.getRedactedNames());
			names.addAll(this.client.getRedactedNames());
			return names;
		}

		Map<String, String> headers() {
			Map<String, String> headers = new LinkedHashMap<>(this.defaults.getHeaders());
			headers.putAll(this.client.getHeaders());
			return headers;
		}

	}

	private record Setting<T>(String path, T value) {
	}

	/**
	 * Shows a duration as it is written in configuration, e.g. {@code -1s} or {@code 250ms}.
	 */
	private static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
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
