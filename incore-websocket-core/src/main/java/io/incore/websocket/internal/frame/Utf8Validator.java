package io.incore.websocket.internal.frame;

/**
 * Checks that bytes are UTF-8 as RFC 3629 defines it (no overlong forms, no encoded surrogates, nothing above
 * U+10FFFF), as RFC 6455 asks of text messages and close reasons, one piece at a time: a text message in
 * fragments is checked as its bytes arrive, and the first invalid byte is found wherever it falls, also when a
 * character is split between two reads or two fragments.
 * <p>
 * A state machine over the byte ranges of RFC 3629's table: after a lead byte, the first continuation byte has a
 * narrowed range (e.g. {@code E0} takes {@code A0..BF}, {@code ED} takes {@code 80..9F}), and the ones after it
 * {@code 80..BF}. Not thread-safe.
 */
public final class Utf8Validator {

	/** Continuation bytes still expected for the current character. */
	private int needed;

	private int lowest = 0x80;

	private int highest = 0xBF;

	/**
	 * Checks the next bytes.
	 * @param bytes the array
	 * @param from the first byte to check
	 * @param to the index behind the last byte to check
	 * @return the index of the first invalid byte, or -1 when all are valid so far
	 */
	public int check(byte[] bytes, int from, int to) {
		int i = from;
		if (this.needed == 0) {
			i = skipAscii(bytes, i, to);
		}
		for (; i < to; i++) {
			int b = bytes[i] & 0xFF;
			if (this.needed > 0) {
				if (b < this.lowest || b > this.highest) {
					return i;
				}
				this.needed--;
				this.lowest = 0x80;
				this.highest = 0xBF;
			}
			else if (b >= 0x80 && !lead(b)) {
				return i;
			}
		}
		return -1;
	}

	private static int skipAscii(byte[] bytes, int from, int to) {
		int i = from;
		while (i < to && bytes[i] >= 0) {
			i++;
		}
		return i;
	}

	/**
	 * Starts a character of more than one byte.
	 * @return whether {@code b} may start one
	 */
	private boolean lead(int b) {
		if (b >= 0xC2 && b <= 0xDF) {
			expect(1, 0x80, 0xBF);
		}
		else if (b == 0xE0) {
			expect(2, 0xA0, 0xBF);
		}
		else if (b == 0xED) {
			expect(2, 0x80, 0x9F);
		}
		else if (b >= 0xE1 && b <= 0xEF) {
			expect(2, 0x80, 0xBF);
		}
		else if (b == 0xF0) {
			expect(3, 0x90, 0xBF);
		}
		else if (b >= 0xF1 && b <= 0xF3) {
			expect(3, 0x80, 0xBF);
		}
		else if (b == 0xF4) {
			expect(3, 0x80, 0x8F);
		}
		else {
			return false;
		}
		return true;
	}

	private void expect(int continuations, int lowest, int highest) {
		this.needed = continuations;
		this.lowest = lowest;
		this.highest = highest;
	}

	/**
	 * Whether the bytes checked so far end at a character boundary, as a whole message must.
	 * @return whether no character is cut off
	 */
	public boolean isComplete() {
		return this.needed == 0;
	}

	/**
	 * Forgets what was checked, for the next message.
	 */
	public void reset() {
		this.needed = 0;
		this.lowest = 0x80;
		this.highest = 0xBF;
	}

	/**
	 * Checks a whole piece of text.
	 * @param bytes the bytes
	 * @return whether they are valid UTF-8 and end at a character boundary
	 */
	public static boolean isValid(byte[] bytes) {
		Utf8Validator validator = new Utf8Validator();
		return validator.check(bytes, 0, bytes.length) < 0 && validator.isComplete();
	}

}
