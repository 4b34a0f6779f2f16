package io.incore.websocket.internal.frame;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.incore.websocket.internal.frame.FrameReaderTests.assertEvents;
import static io.incore.websocket.internal.frame.FrameReaderTests.concat;
import static io.incore.websocket.internal.frame.FrameReaderTests.frame;
import static io.incore.websocket.internal.frame.FrameReaderTests.readEveryWay;
import static io.incore.websocket.internal.frame.FrameReaderTests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame reader with permessage-deflate agreed: the examples of RFC 7692 section 7.2.3 byte for byte, the
 * context between messages, and compressed input that breaks the rules or the limits; every input read whole, a
 * byte at a time and cut in two at every place.
 */
class CompressedFrameReaderTests {

	private static final long MAX = 1024;

	private static final PerMessageDeflate.Agreement TAKEOVER = new PerMessageDeflate.Agreement(false, false, 0);

	private static final PerMessageDeflate.Agreement NO_TAKEOVER = new PerMessageDeflate.Agreement(false, true, 0);

	private static final byte[] HELLO = bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);

	/** "Hello" again, compressed as a back-reference to the "Hello" before it (section 7.2.3.2). */
	private static final byte[] HELLO_AGAIN = bytes(0xf2, 0x00, 0x11, 0x00, 0x00);

	@Test
	void theExamplesOfRfc7692Inflate() {
		assertEvents(read(TAKEOVER, frame(0xC1, HELLO)), "text:Hello");
		byte[] fragmented = concat(frame(0x41, bytes(0xf2, 0x48, 0xcd)), frame(0x80, bytes(0xc9, 0xc9, 0x07, 0x00)));
		assertEvents(read(TAKEOVER, fragmented), "text:Hello");
		byte[] stored = bytes(0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00);
		assertEvents(read(TAKEOVER, frame(0xC1, stored)), "text:Hello");
		byte[] twoBlocks = bytes(0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07, 0x00);
		assertEvents(read(TAKEOVER, frame(0xC1, twoBlocks)), "text:Hello");
		assertEvents(read(TAKEOVER, frame(0xC2, HELLO)), "binary:[72, 101, 108, 108, 111]");
	}

	@Test
	void theWindowCarriesOverBetweenMessagesUnlessTheServerTakesNoContext() {
		byte[] twice = concat(frame(0xC1, HELLO), frame(0xC1, HELLO_AGAIN));
		assertEvents(read(TAKEOVER, twice), "text:Hello", "text:Hello");
		assertEvents(read(NO_TAKEOVER, twice), "text:Hello", "violation:1007:does not inflate");
	}

	@Test
	void aFinalBlockEndsTheStreamAndTheNextMessageStartsANewOne() {
		byte[] finalBlock = bytes(0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00);
		assertEvents(read(TAKEOVER, concat(frame(0xC1, finalBlock), frame(0xC1, HELLO), frame(0xC1, HELLO_AGAIN))),
				"text:Hello", "text:Hello", "text:Hello");
	}

	@Test
	void uncompressedAndEmptyMessagesPassAsTheyAre() {
		assertEvents(read(TAKEOVER, concat(frame(0x81, utf8("plain")), frame(0xC1, new byte[0]), frame(0xC1, HELLO))),
				"text:plain", "text:", "text:Hello");
	}

	@Test
	void rsv1IsOnlyAllowedOnTheFirstFrameOfADataMessage() {
		assertEvents(read(TAKEOVER, concat(frame(0x41, bytes(0xf2, 0x48)), frame(0xC0, bytes(0xcd)))),
				"violation:1002:continuation frame");
		assertEvents(read(TAKEOVER, frame(0xC9, new byte[0])), "violation:1002:control frame");
		assertEvents(read(TAKEOVER, frame(0xA1, utf8("x"))), "violation:1002:reserved bits");
		assertEvents(read(TAKEOVER, frame(0x91, utf8("x"))), "violation:1002:reserved bits");
		assertEvents(readEveryWay((listener) -> new FrameReader(MAX, listener), frame(0xC1, HELLO)),
				"violation:1002:reserved bits");
	}

	@Test
	void aDeflateBombIs1009WithoutInflatingPastTheMaximum() {
		long max = 16 * 1024;
		byte[] bomb = RawDeflate.deflate(new byte[1024 * 1024]);
		assertThat(bomb.length).isLessThan(1100);
		assertEvents(readEveryWay((listener) -> new FrameReader(max, TAKEOVER, listener), frame(0xC2, bomb)),
				"violation:1009:inflates to more than");
		MessageInflater inflater = new MessageInflater(false, max);
		inflater.start(bomb.length);
		assertThat(inflater.inflate(ByteBuffer.wrap(bomb))).isEqualTo(MessageInflater.Outcome.TOO_BIG);
		assertThat(inflater.buffer().length).isEqualTo(max + 1);
		inflater.release();
	}

	@Test
	void aMessageOfExactlyTheMaximumInflates() {
		byte[] message = new byte[(int) MAX];
		assertThat(read(TAKEOVER, frame(0xC2, RawDeflate.deflate(message)))).hasSize(1).first().asString()
			.startsWith("binary:[0, 0");
		assertEvents(read(TAKEOVER, frame(0xC2, RawDeflate.deflate(new byte[(int) MAX + 1]))),
				"violation:1009:inflates");
	}

	@Test
	void compressedBytesBeyondWhatTheMaximumAllowsAre1009FromTheHeader() {
		byte[] claim = { (byte) 0xC2, 126, 0x10, 0x00 };
		assertEvents(read(TAKEOVER, claim), "violation:1009:compressed message of 4096 bytes");
	}

	@Test
	void corruptDataAndInvalidUtf8Are1007() {
		assertEvents(read(TAKEOVER, frame(0xC1, bytes(0xff, 0xff, 0xff, 0xff))), "violation:1007:does not inflate");
		assertEvents(read(TAKEOVER, frame(0xC1, RawDeflate.deflate(new byte[] { 'a', (byte) 0xC0, 'b' }))),
				"violation:1007:offset 1");
		assertEvents(read(TAKEOVER, frame(0xC1, RawDeflate.deflate(new byte[] { 'a', (byte) 0xE2 }))),
				"violation:1007:ends inside a character");
	}

	@Test
	void whatTheDeflaterSendsTheReaderInflates() {
		MessageDeflater deflater = new MessageDeflater(false);
		StringBuilder quotes = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			quotes.append("{\"seq\":").append(i * 7919 % 1000).append(",\"price\":").append(100 + i * 37 % 91).append('}');
		}
		String text = quotes.toString();
		byte[] first = deflater.deflate(utf8(text));
		byte[] second = deflater.deflate(utf8(text));
		assertThat(second.length).as("the second refers back to the first").isLessThan(first.length / 4);
		assertThat(first.length).isLessThan(utf8(text).length / 2);
		assertEvents(read(new PerMessageDeflate.Agreement(false, false, 0), concat(frame(0xC1, first),
				frame(0xC1, second))), "text:" + text, "text:" + text);
		MessageDeflater alone = new MessageDeflater(true);
		byte[] third = alone.deflate(utf8(text));
		assertThat(alone.deflate(utf8(text))).isEqualTo(third);
		assertEvents(read(NO_TAKEOVER, frame(0xC1, third)), "text:" + text);
		deflater.release();
		alone.release();
	}

	private static List<String> read(PerMessageDeflate.Agreement agreement, byte[] input) {
		return readEveryWay((listener) -> new FrameReader(MAX, agreement, listener), input);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
