package io.incore.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes the frames a client sends: one final, masked frame per message, as RFC 6455 section 5 describes.
 * <p>
 * Why not Tyrus' encoder: it encodes each text through a strict UTF-8 encoder created per message (with a
 * {@code Charset} lookup) and masks byte by byte into a second array. Here the caller encodes with the JDK, and
 * the payload is copied and masked in one pass, eight bytes at a time.
 */
final class ClientFrames {

	static final int OPCODE_TEXT = 1;

	static final int OPCODE_BINARY = 2;

	static final int OPCODE_PING = 9;

	private static final int FINAL = 0x80;

	private static final int MASKED = 0x80;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private ClientFrames() {
	}

	/**
	 * Encodes one message or ping.
	 * @param opcode {@link #OPCODE_TEXT} (then the payload is the message's UTF-8 encoding),
	 * {@link #OPCODE_BINARY} or {@link #OPCODE_PING} (at most 125 bytes)
	 * @param payload the payload, left unchanged
	 * @param maskingKey the frame's masking key
	 * @return the whole frame
	 */
	static ByteBuffer encode(int opcode, byte[] payload, int maskingKey) {
		int length = payload.length;
		int lengthBytes = (length <= 125) ? 0 : (length <= 0xFFFF) ? 2 : 8;
		int payloadStart = 2 + lengthBytes + 4;
		byte[] frame = new byte[payloadStart + length];
		ByteBuffer header = ByteBuffer.wrap(frame);
		header.put((byte) (FINAL | opcode));
		if (lengthBytes == 0) {
			header.put((byte) (MASKED | length));
		}
		else if (lengthBytes == 2) {
			header.put((byte) (MASKED | 126)).putShort((short) length);
		}
		else {
			header.put((byte) (MASKED | 127)).putLong(length);
		}
		header.putInt(maskingKey);
		mask(payload, frame, payloadStart, maskingKey);
		return header.clear();
	}

	/**
	 * Copies {@code payload} into {@code frame} at {@code offset}, masked with {@code maskingKey}.
	 */
	private static void mask(byte[] payload, byte[] frame, int offset, int maskingKey) {
		long mask = ((maskingKey & 0xFFFFFFFFL) << 32) | (maskingKey & 0xFFFFFFFFL);
		int length = payload.length;
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			LONGS.set(frame, offset + i, (long) LONGS.get(payload, i) ^ mask);
		}
		for (; i < length; i++) {
			frame[offset + i] = (byte) (payload[i] ^ (maskingKey >>> (24 - 8 * (i & 3))));
		}
	}

}
