package io.incore.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a WebSocket URL before any connection attempt and redacts secrets from URLs shown to people.
 */
public final class WebSocketUrl {

	private static final Pattern SECRET_QUERY_PARAMETER = Pattern.compile(
			"(?i)([?&;](?:[^=&;#]*(?:token|key|password|passwd|pwd|secret|signature|sig|auth|credential|session)"
					+ "[^=&;#]*)=)[^&;#]*");

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@");

	private WebSocketUrl() {
	}

	/**
	 * Returns the URL with its user info and the values of token-like query parameters ({@code token},
	 * {@code access_token}, {@code api_key}, {@code password}, {@code secret}, {@code sig}, ...) replaced by
	 * {@code ***}, fit for logs, health details and error messages.
	 * @param url the URL, may be malformed
	 * @return the redacted URL
	 */
	public static String redact(String url) {
		if (url == null || url.isEmpty()) {
			return "";
		}
		String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("$1***@");
		Matcher matcher = SECRET_QUERY_PARAMETER.matcher(withoutUserInfo);
		return matcher.replaceAll("$1***");
	}

	/**
	 * Checks a URL as {@link WebSocket#connectToHost()} does before an attempt.
	 * @param url the URL
	 * @return what is wrong and how to fix it, or empty if the URL can be connected to
	 */
	public static Optional<String> problem(String url) {
		Check check = check(url);
		return check.valid() ? Optional.empty() : Optional.of(check.message());
	}

	/**
	 * Checks a URL as {@link WebSocket#connectToHost()} does before an attempt.
	 * @param url the URL
	 * @return the URI to connect to, or the error and what is wrong
	 */
	public static Check check(String url) {
		if (url == null || url.isBlank()) {
			return Check.invalid(IpSocketError.ConnectionRefusedError,
					"Invalid URL: the url is empty; set it to ws://host[:port]/path or wss://host[:port]/path");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return Check.invalid(IpSocketError.ConnectionRefusedError,
					"Invalid URL '" + redact(url) + "': " + ex.getReason() + " at index " + ex.getIndex());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("ws") && !scheme.equals("wss")) {
			return Check.invalid(IpSocketError.UnsupportedSocketOperationError,
					"Unsupported URL scheme '" + scheme + "' in '" + redact(url)
							+ "': a WebSocket URL starts with ws:// or wss://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return Check.invalid(IpSocketError.EmptyHostNameError,
					"Invalid URL '" + redact(url) + "': the host name is missing");
		}
		if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
			return Check.invalid(IpSocketError.PortNumberOutOfRangeError, "Invalid URL '" + redact(url)
					+ "': port " + uri.getPort() + " is outside the range 1 to 65535");
		}
		if (!uri.getScheme().equals(scheme)) {
			uri = URI.create(scheme + uri.toString().substring(scheme.length()));
		}
		return new Check(uri, IpSocketError.NoError, "");
	}

	/**
	 * The outcome of {@link #check(String)}.
	 *
	 * @param uri the URI to connect to, {@code null} if invalid
	 * @param error the error code, {@code NoError} if valid
	 * @param message what is wrong and how to fix it
	 */
	public record Check(URI uri, IpSocketError error, String message) {

		static Check invalid(IpSocketError error, String message) {
			return new Check(null, error, message);
		}

		/**
		 * Whether the URL can be connected to.
		 * @return whether it is valid
		 */
		public boolean valid() {
			return this.uri != null;
		}

	}

}
