package io.incore.websocket.internal.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Tests {

	@Test
	void encodedLengthMatchesTheJdkEncoder() {
		for (String text : new String[] { "", "ascii", "grüße", "€", "𝄞", "日本語", "a\uD800b" }) {
			assertThat(Utf8.encodedLength(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void acceptsValidUtf8InOnePieceAndSplitAtEveryByte() {
		for (String text : new String[] { "", "ascii", "grüße", "€", "𝄞", "日本語", "\u0000", "\uFFFD", "\uDBFF\uDFFF" }) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			assertThat(Utf8Validator.isValid(bytes)).as(text).isTrue();
			for (int split = 0; split <= bytes.length; split++) {
				Utf8Validator validator = new Utf8Validator();
				assertThat(validator.check(bytes, 0, split)).isEqualTo(-1);
				assertThat(validator.check(bytes, split, bytes.length)).isEqualTo(-1);
				assertThat(validator.isComplete()).as("%s split at %d", text, split).isTrue();
			}
		}
	}

	@Test
	void findsTheFirstInvalidByte() {
		byte[] bytes = { 'o', 'k', (byte) 0xCE, (byte) 0xBA, (byte) 0xE1, (byte) 0xBD, (byte) 0xB9, (byte) 0xCF,
				(byte) 0x83, (byte) 0xCE, (byte) 0xBC, (byte) 0xCE, (byte) 0xB5, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
				'x' };
		Utf8Validator validator = new Utf8Validator();
		assertThat(validator.check(bytes, 0, 14)).as("a surrogate's lead byte alone is not wrong yet").isEqualTo(-1);
		assertThat(validator.check(bytes, 14, bytes.length)).isEqualTo(14);
	}

	@Test
	void truncatesNeverInsideACharacter() {
		byte[] bytes = "a€b".getBytes(StandardCharsets.UTF_8);
		assertThat(Utf8.truncate(bytes, 5)).isSameAs(bytes);
		assertThat(Utf8.truncate(bytes, 3)).containsExactly('a');
		assertThat(Utf8.truncate(bytes, 4)).containsExactly('a', 0xE2, 0x82, 0xAC);
	}

	@Test
	void rejectsWhatRfc3629ForbidsInsteadOfReplacingIt() {
		byte[][] invalid = { { (byte) 0xC3, 0x28 }, { (byte) 0xC0, (byte) 0x80 }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xFF }, { 'a', (byte) 0xE2, (byte) 0x82 } };
		for (byte[] bytes : invalid) {
			assertThat(Utf8Validator.isValid(bytes)).as(Arrays.toString(bytes)).isFalse();
		}
	}

}
