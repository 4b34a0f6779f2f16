package io.incore.websocket;

/**
 * UTF-8 arithmetic without encoding.
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

}
