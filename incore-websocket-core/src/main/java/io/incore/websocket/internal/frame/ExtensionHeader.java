package io.incore.websocket.internal.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code Sec-WebSocket-Extensions} header value (RFC 6455 section 9.1): a comma-separated list of
 * extensions, each a token followed by {@code ;}-separated parameters, each a token with an optional value, a token
 * or a quoted string. Empty list elements are skipped, as RFC 7230 section 7 asks of recipients.
 */
final class ExtensionHeader {

	private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

	private final String text;

	private int position;

	private ExtensionHeader(String text) {
		this.text = text;
	}

	/**
	 * Parses one header value.
	 * @param value the value
	 * @return its extensions, in order
	 * @throws PerMessageDeflate.NegotiationException if the value is not well formed
	 */
	static List<PerMessageDeflate.Extension> parse(String value) throws PerMessageDeflate.NegotiationException {
		return new ExtensionHeader(value).extensions();
	}

	private List<PerMessageDeflate.Extension> extensions() throws PerMessageDeflate.NegotiationException {
		List<PerMessageDeflate.Extension> extensions = new ArrayList<>();
		while (true) {
			skipWhitespace();
			if (atEnd()) {
				return extensions;
			}
			if (peek() == ',') {
				this.position++;
				continue;
			}
			extensions.add(extension());
			skipWhitespace();
			if (!atEnd() && next() != ',') {
				throw malformed("a ',' between extensions");
			}
		}
	}

	private PerMessageDeflate.Extension extension() throws PerMessageDeflate.NegotiationException {
		String name = token("an extension name");
		List<PerMessageDeflate.Parameter> parameters = new ArrayList<>();
		skipWhitespace();
		while (!atEnd() && peek() == ';') {
			this.position++;
			skipWhitespace();
			String parameter = token("a parameter name");
			skipWhitespace();
			String value = null;
			if (!atEnd() && peek() == '=') {
				this.position++;
				skipWhitespace();
				value = (!atEnd() && peek() == '"') ? quoted() : token("a parameter value");
				skipWhitespace();
			}
			parameters.add(new PerMessageDeflate.Parameter(parameter, value));
		}
		return new PerMessageDeflate.Extension(name, List.copyOf(parameters));
	}

	private String token(String expected) throws PerMessageDeflate.NegotiationException {
		int start = this.position;
		while (!atEnd() && isTokenChar(peek())) {
			this.position++;
		}
		if (start == this.position) {
			throw malformed(expected);
		}
		return this.text.substring(start, this.position);
	}

	/**
	 * Reads a quoted string, whose content must be a token once unescaped (RFC 6455 section 9.1).
	 */
	private String quoted() throws PerMessageDeflate.NegotiationException {
		this.position++;
		StringBuilder value = new StringBuilder();
		while (!atEnd() && peek() != '"') {
			char c = next();
			if (c == '\\') {
				if (atEnd()) {
					break;
				}
				c = next();
			}
			value.append(c);
		}
		if (atEnd()) {
			throw malformed("the end of a quoted value");
		}
		this.position++;
		if (value.isEmpty() || !value.chars().allMatch((c) -> isTokenChar((char) c))) {
			throw malformed("a token inside the quoted value \"" + value + "\"");
		}
		return value.toString();
	}

	private static boolean isTokenChar(char c) {
		return c > 0x20 && c < 0x7F && SEPARATORS.indexOf(c) < 0;
	}

	private void skipWhitespace() {
		while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
			this.position++;
		}
	}

	private boolean atEnd() {
		return this.position >= this.text.length();
	}

	private char peek() {
		return this.text.charAt(this.position);
	}

	private char next() {
		return this.text.charAt(this.position++);
	}

	private PerMessageDeflate.NegotiationException malformed(String expected) {
		return new PerMessageDeflate.NegotiationException("the server's Sec-WebSocket-Extensions '" + this.text
				+ "' is malformed: " + expected + " was expected at position " + this.position);
	}

}
