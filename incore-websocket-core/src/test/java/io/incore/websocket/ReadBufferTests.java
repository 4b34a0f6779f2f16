package io.incore.websocket;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte stream behind {@link IoDevice}'s read methods.
 */
class ReadBufferTests {

	private final ReadBuffer buffer = new ReadBuffer();

	@Test
	void readLineStopsAtTheLimitWithoutSplittingACharacter() {
		byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
		this.buffer.append("ab".getBytes(StandardCharsets.UTF_8));
		this.buffer.append(euro);
		byte[] line = this.buffer.readLine(4);
		assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("ab");
		assertThat(this.buffer.size()).isEqualTo(3);
		assertThat(new String(this.buffer.readLine(4), StandardCharsets.UTF_8)).isEqualTo("€");
	}

	@Test
	void tracksNewlinesAsDataIsConsumed() {
		this.buffer.append("a\nb".getBytes(StandardCharsets.UTF_8));
		this.buffer.append("\n".getBytes(StandardCharsets.UTF_8));
		assertThat(this.buffer.containsNewline()).isTrue();
		this.buffer.read(2);
		assertThat(this.buffer.containsNewline()).isTrue();
		this.buffer.read(2);
		assertThat(this.buffer.containsNewline()).isFalse();
		assertThat(this.buffer.size()).isZero();
	}

	@Test
	void peekDoesNotConsume() {
		this.buffer.append(new byte[] { 1, 2 });
		this.buffer.append(new byte[] { 3 });
		assertThat(this.buffer.peek(10)).containsExactly(1, 2, 3);
		assertThat(this.buffer.read(2)).containsExactly(1, 2);
		assertThat(this.buffer.peek(10)).containsExactly(3);
	}

}
