package io.incore.websocket;

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
	void decodesValidUtf8() {
		for (String text : new String[] { "", "ascii", "grüße", "€", "𝄞", "日本語", "\u0000", "\uFFFD", "\uDBFF\uDFFF" }) {
			assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
		}
	}

	@Test
	void rejectsWhatRfc3629ForbidsInsteadOfReplacingIt() {
		byte[][] invalid = { { (byte) 0xC3, 0x28 }, { (byte) 0xC0, (byte) 0x80 }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xFF }, { 'a', (byte) 0xE2, (byte) 0x82 } };
		for (byte[] bytes : invalid) {
			assertThat(Utf8.decode(bytes)).as(Arrays.toString(bytes)).isNull();
		}
	}

}
