package io.incore.websocket.internal.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the frames a client sends: one final, masked frame per message or control frame, as RFC 6455 section 5
 * describes.
 * <p>
 * Why not Tyrus' encoder: it encodes each text through a strict UTF-8 encoder created per message (with a
 * {@code Charset} lookup) and masks byte by byte into a second array. Here the caller encodes with the JDK, and
 * the payload is copied and masked in one pass, eight bytes at a time.
 */
public final class FrameEncoder {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private FrameEncoder() {
	}

	/**
	 * Encodes one message or control frame.
	 * @param opcode {@link Rfc6455#OPCODE_TEXT} (then the payload is the message's UTF-8 encoding),
	 * {@link Rfc6455#OPCODE_BINARY}, or a control opcode (then at most 125 bytes)
	 * @param payload the payload, left unchanged
	 * @param maskingKey the frame's masking key
	 * @return the whole frame
	 */
	public static ByteBuffer encode(int opcode, byte[] payload, int maskingKey) {
		return encode(opcode, payload, maskingKey, false);
	}

	/**
	 * Encodes one message, compressed or not.
	 * @param opcode {@link Rfc6455#OPCODE_TEXT} or {@link Rfc6455#OPCODE_BINARY}, or a control opcode (then never
	 * compressed)
	 * @param payload the payload, left unchanged
	 * @param maskingKey the frame's masking key
	 * @param compressed whether the payload was compressed with permessage-deflate (sets RSV1)
	 * @return the whole frame
	 */
	public static ByteBuffer encode(int opcode, byte[] payload, int maskingKey, boolean compressed) {
		int length = payload.length;
		int lengthBytes = (length <= 125) ? 0 : (length <= 0xFFFF) ? 2 : 8;
		int payloadStart = 2 + lengthBytes + 4;
		byte[] frame = new byte[payloadStart + length];
		ByteBuffer header = ByteBuffer.wrap(frame);
		header.put((byte) (Rfc6455.FIN | (compressed ? Rfc6455.RSV1 : 0) | opcode));
		if (lengthBytes == 0) {
			header.put((byte) (Rfc6455.MASK | length));
		}
		else if (lengthBytes == 2) {
			header.put((byte) (Rfc6455.MASK | 126)).putShort((short) length);
		}
		else {
			header.put((byte) (Rfc6455.MASK | 127)).putLong(length);
		}
		header.putInt(maskingKey);
		mask(payload, frame, payloadStart, maskingKey);
		return header.clear();
	}

	/**
	 * Encodes a close frame. The reason is cut to the 123 bytes a control frame leaves for it, never inside a
	 * character.
	 * @param code the close code, one a peer may send ({@link Rfc6455#isValidCloseCode})
	 * @param reason the reason, possibly empty
	 * @param maskingKey the frame's masking key
	 * @return the whole frame
	 */
	public static ByteBuffer encodeClose(int code, String reason, int maskingKey) {
		byte[] text = Utf8.truncate(reason.getBytes(StandardCharsets.UTF_8), Rfc6455.MAX_CONTROL_PAYLOAD - 2);
		byte[] payload = new byte[2 + text.length];
		payload[0] = (byte) (code >>> 8);
		payload[1] = (byte) code;
		System.arraycopy(text, 0, payload, 2, text.length);
		return encode(Rfc6455.OPCODE_CLOSE, payload, maskingKey);
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
