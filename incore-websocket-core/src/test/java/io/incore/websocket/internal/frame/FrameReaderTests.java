package io.incore.websocket.internal.frame;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame reader, byte by byte: every input is read whole, one byte at a time, and cut in two at every place,
 * and each way must report the same events.
 */
class FrameReaderTests {

	private static final long MAX = 1024;

	@Test
	void readsWholeAndFragmentedMessagesWithControlFramesBetweenFragments() {
		byte[] input = concat(frame(0x81, utf8("hello")), frame(0x02, new byte[] { 1, 2 }), frame(0x89, utf8("p")),
				frame(0x80, new byte[] { 3 }), frame(0x01, utf8("gr\u00fc")), frame(0x8A, new byte[0]),
				frame(0x00, new byte[0]), frame(0x80, utf8("\u00dfe")), frame(0x81, new byte[0]));
		assertEvents(readEveryWay(input), "text:hello", "ping:p", "binary:[1, 2, 3]", "pong:",
				"text:gr\u00fc\u00dfe", "text:");
	}

	@Test
	void everyLengthEncodingIsRead() {
		for (int length : new int[] { 0, 125, 126, 65_535, 65_536, 100_000 }) {
			byte[] payload = new byte[length];
			Arrays.fill(payload, (byte) 7);
			List<String> events = read(200_000, frame(0x82, payload));
			assertThat(events).hasSize(1).first().asString().startsWith("binary:" + ((length == 0) ? "[]" : "[7"));
		}
	}

	@Test
	void aTextSplitInsideACharacterAcrossFragmentsIsWhole() {
		byte[] text = utf8("\ud834\udd1e");
		byte[] input = concat(frame(0x01, Arrays.copyOfRange(text, 0, 1)), frame(0x00, Arrays.copyOfRange(text, 1, 3)),
				frame(0x80, Arrays.copyOfRange(text, 3, 4)));
		assertEvents(readEveryWay(input), "text:\ud834\udd1e");
	}

	@Test
	void aMaskedFrameIs1002() {
		byte[] input = concat(frame(0x81, utf8("ok")), new byte[] { (byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1,
				'i' ^ 2 });
		assertEvents(readEveryWay(input), "text:ok", "violation:1002:masked");
	}

	@Test
	void aLengthWithItsTopBitSetIs1002AndNoEmptyMessage() {
		byte[] input = concat(new byte[] { (byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0 }, frame(0x81,
				utf8("after")));
		assertEvents(readEveryWay(input), "violation:1002:most significant bit");
	}

	@Test
	void reservedBitsAndOpcodesAre1002() {
		assertEvents(readEveryWay(frame(0xC1, utf8("x"))), "violation:1002:reserved bits");
		assertEvents(readEveryWay(frame(0xA1, utf8("x"))), "violation:1002:reserved bits");
		for (int opcode : new int[] { 3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF }) {
			assertEvents(readEveryWay(frame(0x80 | opcode, new byte[0])), "violation:1002:reserved opcode " + opcode);
		}
	}

	@Test
	void brokenFragmentationIs1002() {
		assertEvents(readEveryWay(frame(0x80, utf8("x"))), "violation:1002:continuation");
		assertEvents(readEveryWay(concat(frame(0x01, utf8("a")), frame(0x81, utf8("b")))), "violation:1002:new message inside");
		assertEvents(readEveryWay(frame(0x09, new byte[0])), "violation:1002:fragmented control");
		assertEvents(readEveryWay(frame(0x89, new byte[126])), "violation:1002:longer than 125");
	}

	@Test
	void invalidUtf8Is1007AtTheFirstInvalidByteEvenBeforeTheMessageEnds() {
		byte[] invalidStart = concat(frame(0x01, new byte[] { 'a', (byte) 0xC0 }));
		assertEvents(readEveryWay(invalidStart), "violation:1007:offset 1");
		byte[] cutCharacter = concat(frame(0x81, new byte[] { 'a', (byte) 0xE2, (byte) 0x82 }));
		assertEvents(readEveryWay(cutCharacter), "violation:1007:ends inside a character");
		byte[] surrogate = concat(frame(0x81, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }));
		assertEvents(readEveryWay(surrogate), "violation:1007:offset 1");
		assertEvents(readEveryWay(frame(0x82, new byte[] { (byte) 0xC0 })), "binary:[-64]");
	}

	@Test
	void aMessageOverTheMaximumIs1009FromItsHeaderAlone() {
		byte[] claim = { (byte) 0x82, 127, 0, 0, 0, 0, 0x7F, 0, 0, 0 };
		assertEvents(readEveryWay(claim), "violation:1009:2130706432 bytes");
		byte[] fragments = concat(frame(0x02, new byte[1000]), frame(0x80, new byte[25]));
		assertEvents(readEveryWay(fragments), "violation:1009:1025 bytes");
		assertThat(readEveryWay(frame(0x82, new byte[(int) MAX]))).hasSize(1).first().asString().startsWith("binary:");
	}

	@Test
	void closeFramesAreValidated() {
		assertEvents(readEveryWay(frame(0x88, new byte[0])), "close:1005:");
		assertEvents(readEveryWay(frame(0x88, closePayload(1000, "bye"))), "close:1000:bye");
		for (int code : new int[] { 1001, 1002, 1003, 1007, 1011, 1014, 3000, 4999 }) {
			assertEvents(readEveryWay(frame(0x88, closePayload(code, ""))), "close:" + code + ":");
		}
		for (int code : new int[] { 0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535 }) {
			assertEvents(readEveryWay(frame(0x88, closePayload(code, ""))), "violation:1002:the code " + code);
		}
		assertEvents(readEveryWay(frame(0x88, new byte[] { 3 })), "violation:1002:one-byte");
		byte[] badReason = { 0x03, (byte) 0xE8, (byte) 0xFF };
		assertEvents(readEveryWay(frame(0x88, badReason)), "violation:1007:reason");
	}

	@Test
	void nothingAfterACloseFrameOrAViolationIsRead() {
		assertEvents(readEveryWay(concat(frame(0x88, closePayload(1000, "")), frame(0x81, utf8("late")))), "close:1000:");
		assertEvents(readEveryWay(concat(frame(0x81, utf8("a")), frame(0xF1, utf8("b")), frame(0x81, utf8("c")))), "text:a", "violation:1002:reserved bits");
	}

	@Test
	void pauseStopsBehindTheMessageAndTheRestIsReadLater() {
		Recorder recorder = new Recorder();
		FrameReader reader = new FrameReader(MAX, recorder);
		recorder.pauseWith(reader);
		ByteBuffer input = ByteBuffer.wrap(concat(frame(0x81, utf8("one")), frame(0x81, utf8("two"))));
		reader.read(input);
		assertThat(recorder.events).containsExactly("text:one");
		assertThat(input.remaining()).isEqualTo(5);
		reader.read(input);
		assertThat(recorder.events).containsExactly("text:one", "text:two");
		assertThat(input.hasRemaining()).isFalse();
	}

	/**
	 * Messages larger than the buffer a message starts with (whole, in three fragments, in 20,000 one-byte
	 * fragments), read in pieces of a few kilobytes: the buffer grows as the bytes come and each arrives whole.
	 */
	@Test
	void messagesLargerThanTheFirstBufferArriveWhole() {
		byte[] whole = new byte[5 * FrameReader.INITIAL_MESSAGE_CAPACITY / 2 + 7];
		new Random(7).nextBytes(whole);
		byte[] text = utf8("\u00e9x".repeat(FrameReader.INITIAL_MESSAGE_CAPACITY));
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		input.writeBytes(frame(0x82, whole));
		input.writeBytes(frame(0x01, Arrays.copyOfRange(text, 0, 101)));
		input.writeBytes(frame(0x00, Arrays.copyOfRange(text, 101, 70_001)));
		input.writeBytes(frame(0x80, Arrays.copyOfRange(text, 70_001, text.length)));
		byte[] tiny = new byte[20_000];
		new Random(8).nextBytes(tiny);
		for (int i = 0; i < tiny.length; i++) {
			input.writeBytes(frame((i == 0) ? 0x02 : (i == tiny.length - 1) ? 0x80 : 0x00, new byte[] { tiny[i] }));
		}
		List<byte[]> messages = new ArrayList<>();
		FrameReader reader = new FrameReader(1 << 20, new Recorder() {

			@Override
			public void textReceived(String received, int encodedLength) {
				messages.add(utf8(received));
			}

			@Override
			public void binaryReceived(byte[] message) {
				messages.add(message);
			}

		});
		byte[] bytes = input.toByteArray();
		for (int from = 0; from < bytes.length; from += 4093) {
			reader.read(ByteBuffer.wrap(bytes, from, Math.min(4093, bytes.length - from)));
		}
		assertThat(messages).containsExactly(whole, text, tiny);
	}

	/**
	 * A header that announces a payload of almost 2 GiB, with a maximum message size that allows it, followed by
	 * three bytes: the reader allocates no more than the first buffer, plain or compressed.
	 */
	@Test
	void aHeaderThatClaimsAHugePayloadCostsNothingUntilThePayloadComes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long max = Integer.MAX_VALUE - 64;
		byte[] claim = { 0, 127, 0, 0, 0, 0, 0x7F, (byte) 0xFF, 0, 0, 1, 2, 3 };
		PerMessageDeflate.Agreement deflate = new PerMessageDeflate.Agreement(false, false, 0);
		for (int firstByte : new int[] { 0x82, 0xC2 }) {
			claim[0] = (byte) firstByte;
			Recorder recorder = new Recorder();
			FrameReader reader = new FrameReader(max, deflate, recorder);
			long before = threads.getCurrentThreadAllocatedBytes();
			reader.read(ByteBuffer.wrap(claim));
			long allocated = threads.getCurrentThreadAllocatedBytes() - before;
			reader.release();
			assertThat(recorder.events).isEmpty();
			assertThat(allocated).as("bytes allocated for a frame that starts with 0x%X", firstByte)
				.isLessThan(2L * FrameReader.INITIAL_MESSAGE_CAPACITY);
		}
	}

	/**
	 * Asserts the events, a violation by its code and a part of its description.
	 */
	static void assertEvents(List<String> actual, String... expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			if (expected[i].startsWith("violation:")) {
				String code = expected[i].substring(0, expected[i].indexOf(':', 10) + 1);
				assertThat(actual.get(i)).startsWith(code).contains(expected[i].substring(code.length()));
			}
			else {
				assertThat(actual.get(i)).isEqualTo(expected[i]);
			}
		}
	}

	/**
	 * Reads the input whole, a byte at a time and cut in two at every place, checks that every way reports the
	 * same, and returns that.
	 */
	private static List<String> readEveryWay(byte[] input) {
		return readEveryWay((listener) -> new FrameReader(MAX, listener), input);
	}

	/**
	 * Reads the input with readers made by {@code readers}, whole, a byte at a time and cut in two at every place,
	 * checks that every way reports the same, and returns that.
	 */
	static List<String> readEveryWay(Function<FrameReader.Listener, FrameReader> readers, byte[] input) {
		Recorder wholeRecorder = new Recorder();
		readers.apply(wholeRecorder).read(ByteBuffer.wrap(input));
		List<String> whole = wholeRecorder.events;
		Recorder byteByByte = new Recorder();
		FrameReader reader = readers.apply(byteByByte);
		for (int i = 0; i < input.length; i++) {
			reader.read(ByteBuffer.wrap(input, i, 1));
		}
		assertThat(byteByByte.events).as("byte by byte").isEqualTo(whole);
		for (int cut = 1; cut < input.length; cut++) {
			Recorder recorder = new Recorder();
			FrameReader cutReader = readers.apply(recorder);
			cutReader.read(ByteBuffer.wrap(input, 0, cut));
			cutReader.read(ByteBuffer.wrap(input, cut, input.length - cut));
			assertThat(recorder.events).as("cut at %d", cut).isEqualTo(whole);
		}
		return whole;
	}

	private static List<String> read(long maxMessageSize, byte[] input) {
		Recorder recorder = new Recorder();
		new FrameReader(maxMessageSize, recorder).read(ByteBuffer.wrap(input));
		return recorder.events;
	}

	static byte[] frame(int firstByte, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(firstByte);
		if (payload.length <= 125) {
			out.write(payload.length);
		}
		else if (payload.length <= 0xFFFF) {
			out.write(126);
			out.write(payload.length >>> 8);
			out.write(payload.length);
		}
		else {
			out.write(127);
			out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
		}
		out.writeBytes(payload);
		return out.toByteArray();
	}

	private static byte[] closePayload(int code, String reason) {
		return concat(new byte[] { (byte) (code >>> 8), (byte) code }, utf8(reason));
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Records events as short strings; a violation as its code and the first words that tell it apart.
	 */
	static class Recorder implements FrameReader.Listener {

		final List<String> events = new ArrayList<>();

		private FrameReader pausing;

		void pauseWith(FrameReader reader) {
			this.pausing = reader;
		}

		@Override
		public void textReceived(String text, int encodedLength) {
			assertThat(encodedLength).isEqualTo(utf8(text).length);
			record("text:" + text);
		}

		@Override
		public void binaryReceived(byte[] message) {
			record("binary:" + Arrays.toString(message));
		}

		@Override
		public void pingReceived(byte[] payload) {
			record("ping:" + new String(payload, StandardCharsets.UTF_8));
		}

		@Override
		public void pongReceived(byte[] payload) {
			record("pong:" + new String(payload, StandardCharsets.UTF_8));
		}

		@Override
		public void closeReceived(int code, String reason) {
			record("close:" + code + ":" + reason);
		}

		@Override
		public void protocolViolated(int closeCode, String description) {
			this.events.add("violation:" + closeCode + ":" + description);
		}

		private void record(String event) {
			this.events.add(event);
			if (this.pausing != null) {
				this.pausing.pause();
			}
		}

	}

}
