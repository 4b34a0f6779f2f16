package io.incore.websocket.internal.frame;

import java.util.Locale;

/**
 * The numbers of RFC 6455 this library works with, in one place: opcodes, frame header bits, limits and close
 * codes, and which close codes a peer may send.
 */
public final class Rfc6455 {

	/** Continues a fragmented message. */
	public static final int OPCODE_CONTINUATION = 0x0;

	/** Starts a text message. */
	public static final int OPCODE_TEXT = 0x1;

	/** Starts a binary message. */
	public static final int OPCODE_BINARY = 0x2;

	/** The close frame. */
	public static final int OPCODE_CLOSE = 0x8;

	/** A ping, answered by a pong with the same payload. */
	public static final int OPCODE_PING = 0x9;

	/** A pong. */
	public static final int OPCODE_PONG = 0xA;

	/** The FIN bit of a frame's first byte: the last frame of a message. */
	static final int FIN = 0x80;

	/** The three reserved bits of a frame's first byte, used by extensions only. */
	static final int RESERVED_BITS = 0x70;

	/** The first reserved bit: with permessage-deflate, set on the first frame of a compressed message. */
	static final int RSV1 = 0x40;

	/** The MASK bit of a frame's second byte. */
	static final int MASK = 0x80;

	/** The largest payload of a control frame. */
	public static final int MAX_CONTROL_PAYLOAD = 125;

	/** Normal closure. */
	public static final int CLOSE_NORMAL = 1000;

	/** The endpoint is going away, e.g. a server shutting down or a heartbeat that went unanswered. */
	public static final int CLOSE_GOING_AWAY = 1001;

	/** A protocol error. */
	public static final int CLOSE_PROTOCOL_ERROR = 1002;

	/** Never sent: a close frame without a code. */
	public static final int CLOSE_NO_STATUS = 1005;

	/** Never sent: the connection ended without a close frame. */
	public static final int CLOSE_ABNORMAL = 1006;

	/** A text message that is not UTF-8 (or a close reason that is not). */
	public static final int CLOSE_INVALID_PAYLOAD = 1007;

	/** A policy was violated, e.g. listeners that fell behind with the inbound policy FAIL. */
	public static final int CLOSE_POLICY_VIOLATION = 1008;

	/** A message was larger than accepted. */
	public static final int CLOSE_TOO_BIG = 1009;

	/**
	 * Names a close code for people, e.g. {@code policy violation} for 1008.
	 * @param code the code
	 * @return its name, {@code ""} for a code without one (application codes)
	 */
	public static String describe(int code) {
		return switch (code) {
			case 1000 -> "normal closure";
			case 1001 -> "going away";
			case 1002 -> "protocol error";
			case 1003 -> "unsupported data";
			case 1005 -> "no status";
			case 1006 -> "abnormal closure";
			case 1007 -> "invalid payload data";
			case 1008 -> "policy violation";
			case 1009 -> "message too big";
			case 1010 -> "mandatory extension";
			case 1011 -> "internal error";
			case 1012 -> "service restart";
			case 1013 -> "try again later";
			case 1015 -> "TLS handshake";
			default -> "";
		};
	}

	private Rfc6455() {
	}

	/**
	 * Whether a peer may send this close code (RFC 6455 section 7.4): 1000–1003 and 1007–1014 as registered, or
	 * 3000–4999 for libraries and applications. 1004 is reserved, and 1005, 1006 and 1015 must never be sent.
	 * @param code the code
	 * @return whether it is valid in a close frame
	 */
	public static boolean isValidCloseCode(int code) {
		return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
	}

	/**
	 * Names what sets a request header that an application must not set itself, or returns {@code null} when the
	 * application may set it. {@code Upgrade}, {@code Connection}, {@code Sec-WebSocket-Key} and
	 * {@code Sec-WebSocket-Version} make the request a WebSocket upgrade (RFC 6455 section 4.1), and an
	 * application's value would replace them. Subprotocols and extensions are negotiated by this library, which
	 * judges the server's answer against its own offer, so they are configured as such. {@code Host} and
	 * {@code Origin} stay the application's to set (a virtual host behind an address, a browser's origin).
	 * @param name a header name, in any case
	 * @return what sets it, e.g. {@code the subProtocol property}, or {@code null}
	 */
	public static String handshakeHeaderOwner(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "upgrade", "connection", "sec-websocket-key", "sec-websocket-version" -> "the opening handshake";
			case "sec-websocket-protocol" -> "the subProtocol property";
			case "sec-websocket-extensions" -> "the compression settings";
			default -> null;
		};
	}

	/**
	 * Whether the opcode is a control frame's.
	 * @param opcode the opcode
	 * @return whether it is a control opcode
	 */
	static boolean isControl(int opcode) {
		return (opcode & 0x8) != 0;
	}

}
