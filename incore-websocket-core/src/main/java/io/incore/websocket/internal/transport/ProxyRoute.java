package io.incore.websocket.internal.transport;

import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.incore.websocket.HttpProxy;
import io.incore.websocket.IpSocketError;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyConnectException;

/**
 * The HTTP proxy one connection goes through, if any: the one in the options when it applies to the host, else the
 * first HTTP proxy the JVM's {@link ProxySelector} names for the URL as {@code http://} or {@code https://} (as
 * Tyrus' Grizzly container did). Credentials for a proxy of the JVM come from the JVM's default
 * {@link Authenticator}, asked once per connection for a {@link Authenticator.RequestorType#PROXY PROXY} password,
 * as {@code HttpURLConnection} does, and sent preemptively with basic authentication; without an authenticator, or
 * when it has none for that proxy, the proxy is used without. Decision: the JDK's
 * {@code jdk.http.auth.tunneling.disabledSchemes}, which keeps {@code HttpURLConnection} from sending basic
 * credentials to tunnelling proxies, is not applied: an application that gives the authenticator a proxy password
 * means it to be used, as with {@code proxy.username} and {@code proxy.password}.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param username the user for basic authentication, or {@code null}
 * @param password the password, or {@code null}
 */
record ProxyRoute(String host, int port, String username, String password) {

	private static final Pattern STATUS = Pattern.compile("status: (\\d{3})");

	/**
	 * Chooses the route to a server.
	 * @param explicit the proxy of the options, or {@code null}
	 * @param uri the server's URL
	 * @return the proxy to go through, or {@code null} to connect directly
	 */
	static ProxyRoute select(HttpProxy explicit, URI uri) {
		if (explicit != null) {
			return explicit.isUsedFor(uri.getHost())
					? new ProxyRoute(explicit.host(), explicit.port(), explicit.username(), explicit.password()) : null;
		}
		ProxySelector selector = ProxySelector.getDefault();
		if (selector == null) {
			return null;
		}
		URI asHttp = asHttp(uri);
		for (Proxy proxy : selector.select(asHttp)) {
			if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
				PasswordAuthentication credentials = credentials(address, asHttp);
				return (credentials != null)
						? new ProxyRoute(address.getHostString(), address.getPort(), credentials.getUserName(),
								new String(credentials.getPassword()))
						: new ProxyRoute(address.getHostString(), address.getPort(), null, null);
			}
		}
		return null;
	}

	/**
	 * Asks the JVM's default authenticator for the proxy's credentials; {@code null} without one.
	 */
	private static PasswordAuthentication credentials(InetSocketAddress proxy, URI target) {
		try {
			return Authenticator.requestPasswordAuthentication(proxy.getHostString(), proxy.getAddress(),
					proxy.getPort(), target.getScheme(), "proxy", "basic", target.toURL(),
					Authenticator.RequestorType.PROXY);
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static URI asHttp(URI uri) {
		try {
			return new URI("wss".equalsIgnoreCase(uri.getScheme()) ? "https" : "http", null, uri.getHost(),
					uri.getPort(), "/", null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * Resolves the proxy's host, on the calling thread (never an event loop).
	 * @return its addresses with the proxy's port, in the resolver's order
	 * @throws ProxyFailureException if the proxy's host is not found
	 */
	List<InetSocketAddress> addresses() throws ProxyFailureException {
		try {
			return Arrays.stream(InetAddress.getAllByName(this.host))
				.map((address) -> new InetSocketAddress(address, this.port))
				.toList();
		}
		catch (UnknownHostException ex) {
			throw new ProxyFailureException(IpSocketError.ProxyNotFoundError,
					"Proxy host not found: '" + this.host + "'", ex);
		}
	}

	/**
	 * Makes the handler that opens the tunnel through one of the proxy's addresses.
	 * @param address the address, one of {@link #addresses()}
	 * @param connectTimeoutMillis how long the proxy may take to answer
	 * @return the handler, first in the pipeline
	 */
	HttpProxyHandler handler(InetSocketAddress address, long connectTimeoutMillis) {
		HttpProxyHandler handler = (this.username != null)
				? new HttpProxyHandler(address, this.username, (this.password != null) ? this.password : "")
				: new HttpProxyHandler(address);
		handler.setConnectTimeoutMillis(connectTimeoutMillis);
		return handler;
	}

	/**
	 * Tells what a failure before the tunnel was open means: the proxy could not be reached, refused, asked for
	 * authentication, stopped answering, closed the connection, or answered something else than HTTP
	 * ({@link ProxyAnswerCheck}).
	 * @param cause the failure
	 * @return the failure to report
	 */
	ProxyFailureException failure(Throwable cause) {
		String proxy = "The proxy " + this.host + ":" + this.port;
		if (cause instanceof HttpProxyHandler.HttpProxyConnectException refused) {
			Matcher status = STATUS.matcher(String.valueOf(refused.getMessage()));
			String code = status.find() ? status.group(1) : "?";
			if (!HandshakeResponse.isStatusCode(code)) {
				// An answer the codec cannot read failed before (ProxyAnswerCheck): this is a status outside HTTP's.
				return new ProxyFailureException(IpSocketError.ProxyProtocolError,
						proxy + " gave an answer that is not understood: status " + code + " is outside HTTP's",
						cause);
			}
			if (code.equals("407")) {
				return new ProxyFailureException(IpSocketError.ProxyAuthenticationRequiredError, proxy
						+ " asks for authentication (HTTP 407); "
						+ ((this.username != null) ? "the credentials were refused" : "set a username and password"),
						cause);
			}
			return new ProxyFailureException(IpSocketError.ProxyConnectionRefusedError,
					proxy + " refused the tunnel (HTTP " + code + ")", cause);
		}
		if (cause.getCause() instanceof ProxyAnswerCheck.UnreadableAnswerException unreadable) {
			return new ProxyFailureException(IpSocketError.ProxyProtocolError,
					proxy + " gave an answer that is not understood: " + unreadable.getMessage(), cause);
		}
		if (cause instanceof ProxyConnectException && String.valueOf(cause.getMessage()).contains("timeout")
				|| cause instanceof SocketTimeoutException) {
			return new ProxyFailureException(IpSocketError.ProxyConnectionTimeoutError,
					proxy + " did not answer in time", cause);
		}
		if (cause instanceof ProxyConnectException && String.valueOf(cause.getMessage()).contains("disconnected")
				|| cause instanceof ClientHandshake.HandshakeClosedException) {
			return new ProxyFailureException(IpSocketError.ProxyConnectionClosedError,
					proxy + " closed the connection before the tunnel was open", cause);
		}
		if (cause instanceof ProxyConnectException) {
			return new ProxyFailureException(IpSocketError.ProxyProtocolError,
					proxy + " gave an answer that is not understood: " + cause.getMessage(), cause);
		}
		if (cause instanceof ConnectTimeoutException) {
			return new ProxyFailureException(IpSocketError.ProxyConnectionTimeoutError,
					proxy + " could not be reached in time", cause);
		}
		return new ProxyFailureException(IpSocketError.ProxyConnectionRefusedError,
				proxy + " could not be reached: " + cause.getMessage(), cause);
	}

	/**
	 * Shows the route without its password.
	 */
	@Override
	public String toString() {
		return this.host + ":" + this.port + ((this.username != null) ? " as " + this.username : "");
	}

	/**
	 * A failure of the proxy rather than of the server.
	 */
	static final class ProxyFailureException extends java.io.IOException {

		private final transient IpSocketError error;

		ProxyFailureException(IpSocketError error, String message, Throwable cause) {
			super(message, cause);
			this.error = error;
		}

		IpSocketError error() {
			return this.error;
		}

	}

}
