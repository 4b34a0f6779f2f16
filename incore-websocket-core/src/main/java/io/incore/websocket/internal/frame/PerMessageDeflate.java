package io.incore.websocket.internal.frame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The client's side of negotiating permessage-deflate (RFC 7692): the offer it sends in
 * {@code Sec-WebSocket-Extensions}, and the judgement of the server's answer. Pure code.
 * <p>
 * Decisions: the offer never carries {@code client_max_window_bits}. The JDK's {@link java.util.zip.Deflater}
 * always compresses with a 32 KiB window, so a smaller window the server might ask for could not be honoured;
 * without the parameter in the offer, RFC 7692 section 7.1.2.2 forbids the server to ask. Any window the server
 * compresses with (8 to 15 bits) can be inflated, so {@code server_max_window_bits} is offered only when configured,
 * to spare the server memory, and an answer that leaves it out is accepted. Every other deviation fails the
 * connection, as section 5 asks: an extension that was not offered, a second answer, an unknown or repeated
 * parameter, a value where none belongs, a window outside 8 to 15 or larger than offered, a client window other
 * than the full one.
 */
public final class PerMessageDeflate {

	/** The header of the offer and the answer. */
	public static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";

	/** The extension's name, as registered. */
	public static final String NAME = "permessage-deflate";

	private static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";

	private static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";

	private static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";

	private static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

	private PerMessageDeflate() {
	}

	/**
	 * What the client asks for.
	 *
	 * @param clientNoContextTakeover whether the client offers to compress every message on its own
	 * @param serverNoContextTakeover whether the server is asked to compress every message on its own
	 * @param serverMaxWindowBits the largest window the server is asked to use, 8 to 15, or 0 to leave it free
	 */
	public record Offer(boolean clientNoContextTakeover, boolean serverNoContextTakeover, int serverMaxWindowBits) {

		/**
		 * Returns the value of the {@code Sec-WebSocket-Extensions} request header.
		 * @return the offer, e.g. {@code permessage-deflate; server_no_context_takeover}
		 */
		public String header() {
			StringBuilder header = new StringBuilder(NAME);
			if (this.clientNoContextTakeover) {
				header.append("; ").append(CLIENT_NO_CONTEXT_TAKEOVER);
			}
			if (this.serverNoContextTakeover) {
				header.append("; ").append(SERVER_NO_CONTEXT_TAKEOVER);
			}
			if (this.serverMaxWindowBits != 0) {
				header.append("; ").append(SERVER_MAX_WINDOW_BITS).append('=').append(this.serverMaxWindowBits);
			}
			return header.toString();
		}

	}

	/**
	 * What the server agreed to.
	 *
	 * @param clientNoContextTakeover whether the client resets its compressor after every message
	 * @param serverNoContextTakeover whether the server compresses every message on its own, so the client may
	 * reset its decompressor after each
	 * @param serverMaxWindowBits the server's window, 8 to 15, or 0 when it did not say (then up to 15)
	 */
	public record Agreement(boolean clientNoContextTakeover, boolean serverNoContextTakeover, int serverMaxWindowBits) {

		/**
		 * Returns the agreement as a header value names it, normalised: the extension's name and its parameters.
		 * @return e.g. {@code permessage-deflate; server_no_context_takeover}
		 */
		public String header() {
			return new Offer(this.clientNoContextTakeover, this.serverNoContextTakeover, this.serverMaxWindowBits)
				.header();
		}

	}

	/**
	 * Judges the server's {@code Sec-WebSocket-Extensions} answer to an offer.
	 * @param offer what was offered, or {@code null} if nothing was
	 * @param answers the values of every {@code Sec-WebSocket-Extensions} response header, possibly none
	 * @return what was agreed, or {@code null} if the server declined (or nothing was offered and nothing answered)
	 * @throws NegotiationException if the answer is one a client must fail the connection for
	 */
	public static Agreement accept(Offer offer, List<String> answers) throws NegotiationException {
		List<Extension> extensions = new ArrayList<>();
		for (String answer : answers) {
			extensions.addAll(ExtensionHeader.parse(answer));
		}
		if (extensions.isEmpty()) {
			return null;
		}
		for (Extension extension : extensions) {
			if (offer == null || !NAME.equalsIgnoreCase(extension.name())) {
				throw new NegotiationException("the server answered with the extension '" + extension.name()
						+ "', which was not offered");
			}
		}
		if (extensions.size() > 1) {
			throw new NegotiationException("the server answered with " + NAME + " more than once");
		}
		return agreement(offer, extensions.get(0));
	}

	private static Agreement agreement(Offer offer, Extension extension) throws NegotiationException {
		boolean clientNoContextTakeover = false;
		boolean serverNoContextTakeover = false;
		int serverMaxWindowBits = 0;
		Set<String> seen = new HashSet<>();
		for (Parameter parameter : extension.parameters()) {
			String name = parameter.name().toLowerCase(Locale.ROOT);
			if (!seen.add(name)) {
				throw new NegotiationException("the server's " + NAME + " repeats the parameter " + name);
			}
			switch (name) {
				case CLIENT_NO_CONTEXT_TAKEOVER -> {
					requireNoValue(parameter);
					clientNoContextTakeover = true;
				}
				case SERVER_NO_CONTEXT_TAKEOVER -> {
					requireNoValue(parameter);
					serverNoContextTakeover = true;
				}
				case SERVER_MAX_WINDOW_BITS -> serverMaxWindowBits = windowBits(offer, parameter);
				case CLIENT_MAX_WINDOW_BITS -> requireFullClientWindow(parameter);
				default -> throw new NegotiationException("the server's " + NAME + " has the unknown parameter "
						+ parameter);
			}
		}
		if (offer.serverNoContextTakeover() && !serverNoContextTakeover) {
			throw new NegotiationException("the server's " + NAME + " leaves out " + SERVER_NO_CONTEXT_TAKEOVER
					+ ", which the offer required");
		}
		return new Agreement(clientNoContextTakeover, serverNoContextTakeover, serverMaxWindowBits);
	}

	/**
	 * Accepts {@code client_max_window_bits=15}, which a server may not send unasked (RFC 7692 section 7.1.2.2) but
	 * which names the only window this client compresses with, so none of the conditions of section 5 for failing
	 * the connection holds; any other value is a configuration this client does not support.
	 */
	private static void requireFullClientWindow(Parameter parameter) throws NegotiationException {
		if (!"15".equals(parameter.value())) {
			throw new NegotiationException("the server's " + NAME + " limits the client's window (" + parameter
					+ "), which was not offered: this client always compresses with a 32 KiB window (15 bits)");
		}
	}

	private static void requireNoValue(Parameter parameter) throws NegotiationException {
		if (parameter.value() != null) {
			throw new NegotiationException("the server's " + NAME + " gives " + parameter.name()
					+ " a value, which it must not have (" + parameter + ")");
		}
	}

	private static int windowBits(Offer offer, Parameter parameter) throws NegotiationException {
		String value = parameter.value();
		int bits = (value != null && value.matches("[1-9][0-9]?")) ? Integer.parseInt(value) : -1;
		if (bits < 8 || bits > 15) {
			throw new NegotiationException("the server's " + NAME + " has an invalid window (" + parameter
					+ "): it must be a number from 8 to 15");
		}
		if (offer.serverMaxWindowBits() != 0 && bits > offer.serverMaxWindowBits()) {
			throw new NegotiationException("the server's " + NAME + " window (" + parameter
					+ ") is larger than the " + offer.serverMaxWindowBits() + " bits offered");
		}
		return bits;
	}

	/**
	 * One extension of a {@code Sec-WebSocket-Extensions} header.
	 *
	 * @param name its name
	 * @param parameters its parameters, in order
	 */
	record Extension(String name, List<Parameter> parameters) {
	}

	/**
	 * One parameter of an extension.
	 *
	 * @param name its name
	 * @param value its value, unquoted, or {@code null} for a parameter without one
	 */
	record Parameter(String name, String value) {

		@Override
		public String toString() {
			return (this.value != null) ? this.name + "=" + this.value : this.name;
		}

	}

	/**
	 * The server's answer cannot be accepted: the client must fail the connection.
	 */
	public static final class NegotiationException extends IOException {

		NegotiationException(String problem) {
			super(problem);
		}

	}

}
