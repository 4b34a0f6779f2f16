package io.incore.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 arithmetic without encoding, and strict decoding.
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * Returns the number of bytes the UTF-8 encoding of {@code text} has; an unpaired surrogate counts as the
	 * one-byte replacement {@code '?'} the JDK encoder writes.
	 */
	static long encodedLength(String text) {
		long bytes = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				bytes += 1;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	/**
	 * Decodes {@code bytes} as UTF-8, strictly as RFC 3629 defines it (no overlong forms, no encoded surrogates,
	 * nothing above U+10FFFF), as RFC 6455 asks of a text message.
	 * @return the text, or {@code null} when the bytes are not valid UTF-8
	 */
	static String decode(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return decodeNonAscii(bytes);
			}
		}
		return new String(bytes, StandardCharsets.US_ASCII);
	}

	private static String decodeNonAscii(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
