package io.incore.websocket.benchmarks;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.incore.websocket.internal.frame.FrameReader;
import io.incore.websocket.internal.frame.PerMessageDeflate;

/**
 * Measures what permessage-deflate costs and saves per message size, to choose the size below which the client
 * sends messages uncompressed: for each size, a stream of JSON-like messages (the same keys, varying values, as a
 * market-data or event feed sends) is deflated and inflated as a connection with context takeover does, and the
 * compressed share of the bytes and the time per message are printed, for the fastest and the default level.
 * Usage: {@code CompressionThreshold}.
 */
public final class CompressionThreshold {

	private static final int[] SIZES = { 32, 64, 128, 256, 512, 1024, 4096, 16384 };

	private static final int MESSAGES = 20_000;

	private CompressionThreshold() {
	}

	public static void main(String[] args) throws DataFormatException {
		for (int round = 0; round < 2; round++) {
			for (int size : new int[] { 64, 16384 }) {
				readingCost(size, round == 1);
			}
		}
		for (int level : new int[] { Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION }) {
			for (int round = 0; round < 2; round++) {
				for (int size : SIZES) {
					measure(level, size, round == 1);
				}
			}
		}
	}

	private static void measure(int level, int size, boolean print) throws DataFormatException {
		byte[][] messages = messages(size);
		Deflater deflater = new Deflater(level, true);
		Inflater inflater = new Inflater(true);
		byte[] output = new byte[size * 2 + 64];
		byte[] inflated = new byte[size + 64];
		long compressedBytes = 0;
		long started = System.nanoTime();
		for (byte[] message : messages) {
			deflater.setInput(message);
			int count = deflater.deflate(output, 0, output.length, Deflater.SYNC_FLUSH);
			compressedBytes += count - 4;
			inflater.setInput(output, 0, count);
			int length = inflater.inflate(inflated);
			if (length != message.length) {
				throw new IllegalStateException("inflated " + length + " of " + message.length);
			}
		}
		long nanos = System.nanoTime() - started;
		deflater.end();
		inflater.end();
		if (print) {
			double perMessage = (double) nanos / messages.length / 1000;
			System.out.printf("RESULT level=%d size=%d compressed_share=%.3f saved_bytes=%.1f us_per_message=%.2f "
					+ "ns_per_saved_byte=%.1f%n", level, size, (double) compressedBytes / ((long) size * messages.length),
					size - (double) compressedBytes / messages.length, perMessage,
					perMessage * 1000 / (size - (double) compressedBytes / messages.length));
		}
	}

	/**
	 * What the client's frame reader spends per message a server sent compressed (at the default level, with its
	 * window kept, as Netty's server does), against the same messages sent uncompressed: the client's share of the
	 * cost of compression on the receiving side.
	 */
	private static void readingCost(int size, boolean print) {
		byte[][] messages = messages(size);
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		byte[] output = new byte[size * 2 + 64];
		ByteBuffer plain = ByteBuffer.allocate(messages.length * (size + 14));
		ByteBuffer compressed = ByteBuffer.allocate(messages.length * (size + 78));
		for (byte[] message : messages) {
			plain.put(frame(0x82, message, message.length));
			deflater.setInput(message);
			int count = deflater.deflate(output, 0, output.length, Deflater.SYNC_FLUSH);
			compressed.put(frame(0xC2, output, count - 4));
		}
		deflater.end();
		long[] counted = new long[1];
		FrameReader.Listener listener = new CountingListener(counted);
		long plainNanos = read(new FrameReader(1 << 20, listener), plain.flip());
		FrameReader inflating = new FrameReader(1 << 20, new PerMessageDeflate.Agreement(false, false, 0),
				listener);
		long compressedNanos = read(inflating, compressed.flip());
		inflating.release();
		if (counted[0] != 2L * messages.length) {
			throw new IllegalStateException("read " + counted[0] + " messages");
		}
		if (print) {
			System.out.printf("RESULT reading size=%d plain_us_per_message=%.2f compressed_us_per_message=%.2f%n",
					size, plainNanos / 1000.0 / messages.length, compressedNanos / 1000.0 / messages.length);
		}
	}

	private static long read(FrameReader reader, ByteBuffer frames) {
		long started = System.nanoTime();
		reader.read(frames);
		return System.nanoTime() - started;
	}

	private static byte[] frame(int firstByte, byte[] payload, int length) {
		ByteBuffer frame = ByteBuffer.allocate(length + 10);
		frame.put((byte) firstByte);
		if (length <= 125) {
			frame.put((byte) length);
		}
		else {
			frame.put((byte) 126).putShort((short) length);
		}
		return Arrays.copyOf(frame.put(payload, 0, length).array(), frame.position());
	}

	private record CountingListener(long[] counted) implements FrameReader.Listener {

		@Override
		public void textReceived(String text, int encodedLength) {
			this.counted[0]++;
		}

		@Override
		public void binaryReceived(byte[] message) {
			this.counted[0]++;
		}

		@Override
		public void pingReceived(byte[] payload) {
		}

		@Override
		public void pongReceived(byte[] payload) {
		}

		@Override
		public void closeReceived(int code, String reason) {
		}

		@Override
		public void protocolViolated(int closeCode, String description) {
			throw new IllegalStateException(description);
		}

	}

	private static byte[][] messages(int size) {
		SplittableRandom random = new SplittableRandom(42);
		String[] symbols = { "ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI", "STARK" };
		byte[][] messages = new byte[MESSAGES][];
		for (int i = 0; i < MESSAGES; i++) {
			StringBuilder json = new StringBuilder("[");
			while (json.length() < size) {
				json.append("{\"symbol\":\"").append(symbols[random.nextInt(symbols.length)]).append("\",\"bid\":")
					.append(100 + random.nextInt(10_000) / 100.0).append(",\"size\":").append(random.nextInt(5_000))
					.append(",\"seq\":").append(random.nextLong(1L << 40)).append("},");
			}
			messages[i] = Arrays.copyOf(json.toString().getBytes(), size);
		}
		return messages;
	}

}
