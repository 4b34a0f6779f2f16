package io.incore.websocket.internal.frame;

/**
 * UTF-8 arithmetic without encoding; {@link Utf8Validator} checks received text.
 */
public final class Utf8 {

	private Utf8() {
	}

	/**
	 * Returns the number of bytes the UTF-8 encoding of {@code text} has; an unpaired surrogate counts as the
	 * one-byte replacement {@code '?'} the JDK encoder writes.
	 */
	public static long encodedLength(String text) {
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
	 * Cuts UTF-8 bytes to at most {@code max} bytes, never inside a character.
	 * @param bytes valid UTF-8
	 * @param max the most bytes to keep
	 * @return {@code bytes} itself when short enough, else a shorter copy
	 */
	public static byte[] truncate(byte[] bytes, int max) {
		if (bytes.length <= max) {
			return bytes;
		}
		int end = max;
		while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
			end--;
		}
		return java.util.Arrays.copyOf(bytes, end);
	}

}
