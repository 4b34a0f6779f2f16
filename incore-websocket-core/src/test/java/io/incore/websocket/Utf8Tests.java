package io.incore.websocket;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Tests {

	@Test
	void encodedLengthMatchesTheJdkEncoder() {
		for (String text : new String[] { "", "ascii", "grüße", "€", "𝄞", "日本語", "a\uD800b" }) {
			assertThat(Utf8.encodedLength(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
		}
	}

}
