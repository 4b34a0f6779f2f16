package io.incore.websocket;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP proxy that {@code ws://} and {@code wss://} connections go through with {@code CONNECT} (RFC 9110
 * section 9.3.6), optionally with basic authentication. Without one in {@link WebSocketOptions#proxy()}, connections
 * follow the JVM's {@link java.net.ProxySelector} ({@code -Dhttp.proxyHost}, {@code -Dhttps.proxyHost},
 * {@code -Dhttp.nonProxyHosts}).
 *
 * @param host the proxy's host
 * @param port the proxy's port, 1 to 65535
 * @param username the user for basic authentication, {@code null} for none
 * @param password the password that goes with {@code username}; never shown by {@link #toString()}
 * @param nonProxyHosts hosts reached directly: names, addresses, or patterns with {@code *} at either end (as in
 * {@code http.nonProxyHosts}), compared without regard to case
 */
public record HttpProxy(String host, int port, String username, String password, List<String> nonProxyHosts) {

	/**
	 * Validates the proxy.
	 * @param host the host, not empty
	 * @param port the port
	 * @param username the user or {@code null}
	 * @param password the password or {@code null}; only with a user
	 * @param nonProxyHosts the hosts reached directly
	 */
	public HttpProxy {
		InvalidOptionException.require(host != null && !host.isBlank(), "host", host, "a proxy needs a host",
				"the proxy's host name or address");
		InvalidOptionException.require(port >= 1 && port <= 65535, "port", port, "a port is between 1 and 65535",
				"the proxy's port, e.g. 3128");
		InvalidOptionException.require(password == null || username != null, "password", "***",
				"a password needs a username", "a username beside the password, or no password");
		nonProxyHosts = List.copyOf(Objects.requireNonNull(nonProxyHosts, "nonProxyHosts"));
	}

	/**
	 * A proxy without authentication, used for every host.
	 * @param host the host
	 * @param port the port
	 * @return the proxy
	 */
	public static HttpProxy of(String host, int port) {
		return new HttpProxy(host, port, null, null, List.of());
	}

	/**
	 * Returns this proxy with basic authentication.
	 * @param username the user
	 * @param password the password
	 * @return the proxy
	 */
	public HttpProxy withCredentials(String username, String password) {
		return new HttpProxy(this.host, this.port, Objects.requireNonNull(username, "username"), password,
				this.nonProxyHosts);
	}

	/**
	 * Returns this proxy with hosts reached directly.
	 * @param nonProxyHosts the hosts or patterns
	 * @return the proxy
	 */
	public HttpProxy withNonProxyHosts(List<String> nonProxyHosts) {
		return new HttpProxy(this.host, this.port, this.username, this.password, nonProxyHosts);
	}

	/**
	 * Tells whether a connection to a host goes through this proxy.
	 * @param targetHost the host of the URL
	 * @return {@code false} if it matches one of {@link #nonProxyHosts()}
	 */
	public boolean isUsedFor(String targetHost) {
		String target = targetHost.toLowerCase(Locale.ROOT);
		return this.nonProxyHosts.stream().noneMatch((pattern) -> matches(pattern.toLowerCase(Locale.ROOT), target));
	}

	private static boolean matches(String pattern, String host) {
		String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
		return host.matches(regex);
	}

	/**
	 * Shows the proxy without its password.
	 */
	@Override
	public String toString() {
		return "HttpProxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "***" : null) + ", nonProxyHosts=" + this.nonProxyHosts + "]";
	}

}
