package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The byte stream an open {@link IoDevice} reads from: received chunks kept as they arrived, consumed across
 * chunk boundaries without copying them into one array. Not thread-safe; its owner guards it with its lock.
 */
final class ReadBuffer {

	private final Deque<byte[]> chunks = new ArrayDeque<>();

	private int headOffset;

	private long size;

	private long newlines;

	long size() {
		return this.size;
	}

	boolean containsNewline() {
		return this.newlines > 0;
	}

	void append(byte[] data) {
		if (data.length == 0) {
			return;
		}
		this.chunks.addLast(data);
		this.size += data.length;
		this.newlines += countNewlines(data, 0, data.length);
	}

	void clear() {
		this.chunks.clear();
		this.headOffset = 0;
		this.size = 0;
		this.newlines = 0;
	}

	/**
	 * Copies up to {@code max} bytes from the start without consuming them.
	 */
	byte[] peek(long max) {
		int length = (int) Math.min(max, this.size);
		byte[] result = new byte[length];
		int copied = 0;
		int offset = this.headOffset;
		for (byte[] chunk : this.chunks) {
			if (copied == length) {
				break;
			}
			int count = Math.min(chunk.length - offset, length - copied);
			System.arraycopy(chunk, offset, result, copied, count);
			copied += count;
			offset = 0;
		}
		return result;
	}

	/**
	 * Consumes and returns up to {@code max} bytes.
	 */
	byte[] read(long max) {
		byte[] result = peek(max);
		skip(result.length);
		return result;
	}

	/**
	 * Consumes one line: up to and including the first {@code '\n'} within {@code maxBytes}; without a newline,
	 * up to {@code maxBytes}; never ending inside a multi-byte UTF-8 sequence unless the line has no boundary
	 * at all.
	 */
	byte[] readLine(int maxBytes) {
		long limit = Math.min(maxBytes, this.size);
		ByteArrayOutputStream line = new ByteArrayOutputStream((int) Math.min(limit, 256));
		int offset = this.headOffset;
		outer: for (byte[] chunk : this.chunks) {
			for (int i = offset; i < chunk.length && line.size() < limit; i++) {
				line.write(chunk[i]);
				if (chunk[i] == '\n') {
					break outer;
				}
			}
			offset = 0;
			if (line.size() >= limit) {
				break;
			}
		}
		byte[] bytes = line.toByteArray();
		int length = bytes.length;
		if (length == maxBytes && bytes[length - 1] != '\n') {
			length = utf8Boundary(bytes, length);
		}
		skip(length);
		return (length == bytes.length) ? bytes : java.util.Arrays.copyOf(bytes, length);
	}

	private static int utf8Boundary(byte[] bytes, int length) {
		int start = length - 1;
		while (start > 0 && (bytes[start] & 0xC0) == 0x80) {
			start--;
		}
		int lead = bytes[start] & 0xFF;
		int sequenceLength = (lead >= 0xF0) ? 4 : (lead >= 0xE0) ? 3 : (lead >= 0xC0) ? 2 : 1;
		boolean complete = start + sequenceLength <= length;
		return (complete || start == 0) ? length : start;
	}

	private void skip(long count) {
		long remaining = count;
		while (remaining > 0) {
			byte[] head = this.chunks.peekFirst();
			int available = head.length - this.headOffset;
			int taken = (int) Math.min(available, remaining);
			this.newlines -= countNewlines(head, this.headOffset, this.headOffset + taken);
			remaining -= taken;
			if (taken == available) {
				this.chunks.removeFirst();
				this.headOffset = 0;
			}
			else {
				this.headOffset += taken;
			}
		}
		this.size -= count;
	}

	private static int countNewlines(byte[] data, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (data[i] == '\n') {
				count++;
			}
		}
		return count;
	}

}
