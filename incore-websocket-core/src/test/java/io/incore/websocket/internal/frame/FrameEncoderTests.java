package io.incore.websocket.internal.frame;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames the client writes, decoded here as a server would.
 */
class FrameEncoderTests {

	@Test
	void everyLengthEncodingCarriesTheMaskedPayload() {
		Random random = new Random(42);
		for (int length : new int[] { 0, 1, 7, 8, 9, 125, 126, 127, 65_535, 65_536, 200_003 }) {
			byte[] payload = new byte[length];
			random.nextBytes(payload);
			byte[] copy = payload.clone();
			ByteBuffer frame = FrameEncoder.encode(Rfc6455.OPCODE_BINARY, payload, 0x1A2B3C4D);
			assertThat(frame.get(0) & 0xFF).as("final binary frame").isEqualTo(0x82);
			assertThat(frame.get(1) & 0x80).as("mask bit").isEqualTo(0x80);
			assertThat(unmasked(frame)).as("payload of %d bytes", length).isEqualTo(copy);
			assertThat(payload).as("the caller's array is left alone").isEqualTo(copy);
		}
	}

	@Test
	void usesTheShortestLengthEncoding() {
		assertThat(FrameEncoder.encode(Rfc6455.OPCODE_TEXT, new byte[125], 1).remaining()).isEqualTo(2 + 4 + 125);
		assertThat(FrameEncoder.encode(Rfc6455.OPCODE_TEXT, new byte[126], 1).remaining())
			.isEqualTo(2 + 2 + 4 + 126);
		assertThat(FrameEncoder.encode(Rfc6455.OPCODE_TEXT, new byte[65_536], 1).remaining())
			.isEqualTo(2 + 8 + 4 + 65_536);
	}

	@Test
	void pingsAreFinalControlFrames() {
		ByteBuffer frame = FrameEncoder.encode(Rfc6455.OPCODE_PING, new byte[] { 1, 2, 3 }, 7);
		assertThat(frame.get(0) & 0xFF).isEqualTo(0x89);
		assertThat(unmasked(frame)).containsExactly(1, 2, 3);
	}

	@Test
	void maskingKeysAreNotRepeatedWithinAConnectionOrAcrossConnections() {
		MaskingKeys first = new MaskingKeys();
		MaskingKeys second = new MaskingKeys();
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 5000; i++) {
			seen.add(first.next());
			seen.add(second.next());
		}
		assertThat(seen).as("10,000 keys drawn by two connections over several draws of the shared supply, expected "
				+ "all distinct but for a chance collision").hasSizeGreaterThan(9990);
	}

	private static byte[] unmasked(ByteBuffer frame) {
		ByteBuffer in = frame.duplicate();
		in.get();
		int lengthCode = in.get() & 0x7F;
		long length = (lengthCode == 126) ? in.getShort() & 0xFFFF : (lengthCode == 127) ? in.getLong() : lengthCode;
		byte[] mask = new byte[4];
		in.get(mask);
		byte[] payload = new byte[(int) length];
		in.get(payload);
		assertThat(in.hasRemaining()).isFalse();
		for (int i = 0; i < payload.length; i++) {
			payload[i] ^= mask[i % 4];
		}
		return payload;
	}

}
