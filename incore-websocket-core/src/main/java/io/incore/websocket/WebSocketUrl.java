package io.incore.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a WebSocket URL before any connection attempt and redacts secrets from URLs shown to people.
 */
public final class WebSocketUrl {

	/**
	 * The words that make a name look like a credential, anywhere in it and in any case: {@code access_token},
	 * {@code X-Api-Key}, {@code jwt}, {@code Proxy-Authorization}, ...
	 */
	private static final Pattern SECRET_NAME = Pattern.compile(
			"(?i).*(?:token|key|password|passwd|passcode|passphrase|pwd|secret|signature|sig|auth|credential|session"
					+ "|jwt|bearer|ticket|cookie).*");

	private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&;])([^=&;#]*)=([^&;#]*)");

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@");

	private WebSocketUrl() {
	}

	/**
	 * Returns the URL fit for logs, health details and error messages: its user info, the URL fragment and the
	 * values of query parameters whose name looks like a credential (see {@link #isSecretName(String)}) replaced
	 * by {@code ***}.
	 * @param url the URL, may be malformed
	 * @return the redacted URL
	 */
	public static String redact(String url) {
		return redact(url, Set.of());
	}

	/**
	 * Returns the URL redacted as {@link #redact(String)} does, and also the values of the parameters named in
	 * {@code alsoSecret} (case-insensitive).
	 * @param url the URL, may be malformed
	 * @param alsoSecret more parameter names to redact, lower case
	 * @return the redacted URL
	 */
	public static String redact(String url, Set<String> alsoSecret) {
		if (url == null || url.isEmpty()) {
			return "";
		}
		String redacted = USER_INFO.matcher(url).replaceFirst("$1***@");
		int fragment = redacted.indexOf('#');
		if (fragment >= 0 && fragment < redacted.length() - 1) {
			redacted = redacted.substring(0, fragment) + "#***";
		}
		int query = redacted.indexOf('?');
		if (query < 0) {
			return redacted;
		}
		String parameters = QUERY_PARAMETER.matcher(redacted.substring(query))
			.replaceAll((parameter) -> Matcher.quoteReplacement(parameter.group(1) + parameter.group(2) + "="
					+ (isSecretName(parameter.group(2), alsoSecret) ? "***" : parameter.group(3))));
		return redacted.substring(0, query) + parameters;
	}

	/**
	 * Tells whether a query parameter or header name looks like a credential: it contains {@code token},
	 * {@code key}, {@code password}/{@code passcode}/{@code passphrase}/{@code pwd}, {@code secret}, {@code sig}/{@code signature}, {@code auth},
	 * {@code credential}, {@code session}, {@code jwt}, {@code bearer}, {@code ticket} or {@code cookie}, in any
	 * case. Such values are never shown.
	 * @param name the name
	 * @return whether its value is redacted
	 */
	public static boolean isSecretName(String name) {
		return SECRET_NAME.matcher(name).matches();
	}

	/**
	 * Tells whether a query parameter or header name is redacted: it looks like a credential, or it is one of
	 * {@code alsoSecret}, in any case.
	 * @param name the name
	 * @param alsoSecret more names to redact, lower case
	 * @return whether its value is redacted
	 */
	public static boolean isSecretName(String name, Set<String> alsoSecret) {
		return isSecretName(name) || alsoSecret.contains(name.toLowerCase(Locale.ROOT));
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
		return check(url, Set.of());
	}

	/**
	 * Checks a URL as {@link WebSocket#connectToHost()} does before an attempt, redacting it in the message as
	 * {@link #redact(String, Set)} does.
	 * @param url the URL
	 * @param alsoSecret more parameter names to redact, lower case
	 * @return the URI to connect to, or the error and what is wrong
	 */
	public static Check check(String url, Set<String> alsoSecret) {
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
					"Invalid URL '" + redact(url, alsoSecret) + "': " + ex.getReason() + " at index " + ex.getIndex());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("ws") && !scheme.equals("wss")) {
			return Check.invalid(IpSocketError.UnsupportedSocketOperationError,
					"Unsupported URL scheme '" + scheme + "' in '" + redact(url, alsoSecret)
							+ "': a WebSocket URL starts with ws:// or wss://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return Check.invalid(IpSocketError.EmptyHostNameError,
					"Invalid URL '" + redact(url, alsoSecret) + "': the host name is missing");
		}
		if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
			return Check.invalid(IpSocketError.PortNumberOutOfRangeError, "Invalid URL '" + redact(url, alsoSecret)
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
