package io.incore.websocket.internal.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Streams of frames a server could send, right and wrong (fragments, control frames, reserved bits, compressed
 * payloads, every length encoding, random and text-like payloads), with a few bits flipped and read in pieces of
 * random size, with and without permessage-deflate: the reader never throws, reports nothing after a close frame
 * or a violation, fails only with 1002, 1007 or 1009, and takes every byte it is given unless it is done. The
 * seed is fixed, so a failure repeats; the message shows the input.
 */
class CorruptFrameStreamTests {

	private static final int STREAMS = 20_000;

	private static final int MAX_MESSAGE_SIZE = 4096;

	private static final Set<Integer> FAILURE_CODES = Set.of(1002, 1007, 1009);

	private static final PerMessageDeflate.Agreement[] AGREEMENTS = { null,
			new PerMessageDeflate.Agreement(false, false, 0), new PerMessageDeflate.Agreement(false, true, 0) };

	private static final int[] OPCODES = { 0x0, 0x1, 0x2, 0x8, 0x9, 0xA, 0x1, 0x2 };

	private final Random random = new Random(6455);

	@Test
	void corruptStreamsEndInAViolationOrAreReadButNeverBreakTheReader() {
		for (int i = 0; i < STREAMS; i++) {
			byte[] input = flipBits(stream());
			PerMessageDeflate.Agreement agreement = AGREEMENTS[this.random.nextInt(AGREEMENTS.length)];
			try {
				readInPieces(input, agreement);
			}
			catch (RuntimeException | AssertionError ex) {
				fail("Stream " + i + " (permessage-deflate " + agreement + "): " + HexFormat.of().formatHex(input),
						ex);
			}
		}
	}

	private void readInPieces(byte[] input, PerMessageDeflate.Agreement agreement) {
		Checker checker = new Checker();
		FrameReader reader = (agreement != null) ? new FrameReader(MAX_MESSAGE_SIZE, agreement, checker)
				: new FrameReader(MAX_MESSAGE_SIZE, checker);
		int position = 0;
		while (position < input.length && !reader.isDone()) {
			int length = 1 + this.random.nextInt(input.length - position);
			ByteBuffer piece = ByteBuffer.wrap(input, position, length);
			reader.read(piece);
			assertThat(piece.hasRemaining() && !reader.isDone()).as("bytes left unread").isFalse();
			position += length;
		}
		reader.release();
	}

	/**
	 * One to six frames of any data or control opcode, final or not, some with RSV1 and a deflated payload, some
	 * close frames with a valid code, each length in one of the encodings that can carry it.
	 */
	private byte[] stream() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int frames = 1 + this.random.nextInt(6);
		for (int f = 0; f < frames; f++) {
			int opcode = OPCODES[this.random.nextInt(OPCODES.length)];
			boolean fin = this.random.nextInt(4) != 0;
			boolean rsv1 = this.random.nextInt(3) == 0;
			byte[] payload = payload();
			if (rsv1 && this.random.nextBoolean()) {
				payload = deflated(payload);
			}
			if (opcode == Rfc6455.OPCODE_CLOSE && payload.length >= 2 && this.random.nextBoolean()) {
				payload[0] = 0x03;
				payload[1] = (byte) 0xE8;
			}
			out.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
			writeLength(out, payload.length);
			out.writeBytes(payload);
		}
		return out.toByteArray();
	}

	private byte[] payload() {
		byte[] payload = new byte[(this.random.nextInt(4) == 0) ? this.random.nextInt(300) : this.random.nextInt(20)];
		if (this.random.nextBoolean()) {
			for (int i = 0; i < payload.length; i++) {
				payload[i] = (byte) ('a' + this.random.nextInt(26));
			}
		}
		else {
			this.random.nextBytes(payload);
		}
		return payload;
	}

	/**
	 * The payload deflated as RFC 7692 sends it: a sync flush without its last four bytes.
	 */
	private static byte[] deflated(byte[] payload) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			deflater.setInput(payload);
			byte[] out = new byte[payload.length + 64];
			int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
			return Arrays.copyOf(out, Math.max(0, length - 4));
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * Writes the length in its shortest encoding mostly, in a longer one (which RFC 6455 forbids) sometimes.
	 */
	private void writeLength(ByteArrayOutputStream out, int length) {
		int encoding = this.random.nextInt(6);
		if (length <= 125 && encoding != 0) {
			out.write(length);
		}
		else if (length <= 0xFFFF && encoding != 1) {
			out.write(126);
			out.write(length >>> 8);
			out.write(length);
		}
		else {
			out.write(127);
			out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(length).array());
		}
	}

	private byte[] flipBits(byte[] input) {
		int flips = this.random.nextInt(3);
		for (int i = 0; i < flips; i++) {
			input[this.random.nextInt(input.length)] ^= (byte) (1 << this.random.nextInt(8));
		}
		return input;
	}

	/**
	 * Checks what the reader reports as it reports it.
	 */
	private static final class Checker implements FrameReader.Listener {

		private final List<String> events = new ArrayList<>();

		private boolean ended;

		private void report(String event) {
			assertThat(this.ended).as("%s after the end, behind %s", event, this.events).isFalse();
			this.events.add(event);
		}

		@Override
		public void textReceived(String text, int encodedLength) {
			report("text");
			assertThat(encodedLength).isLessThanOrEqualTo(MAX_MESSAGE_SIZE);
		}

		@Override
		public void binaryReceived(byte[] message) {
			report("binary");
			assertThat(message.length).isLessThanOrEqualTo(MAX_MESSAGE_SIZE);
		}

		@Override
		public void pingReceived(byte[] payload) {
			report("ping");
			assertThat(payload.length).isLessThanOrEqualTo(Rfc6455.MAX_CONTROL_PAYLOAD);
		}

		@Override
		public void pongReceived(byte[] payload) {
			report("pong");
			assertThat(payload.length).isLessThanOrEqualTo(Rfc6455.MAX_CONTROL_PAYLOAD);
		}

		@Override
		public void closeReceived(int code, String reason) {
			report("close " + code);
			this.ended = true;
		}

		@Override
		public void protocolViolated(int closeCode, String description) {
			report("violation " + closeCode);
			assertThat(FAILURE_CODES).as(description).contains(closeCode);
			this.ended = true;
		}

	}

}
