package io.incore.websocket.internal.frame;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses as a permessage-deflate peer does, with the JDK directly and independently of the library's
 * {@link MessageDeflater}: raw DEFLATE at the best level, flushed, the empty stored block it ends with removed
 * (RFC 7692 section 7.2.1). For tests that play the server.
 */
public final class RawDeflate {

	private RawDeflate() {
	}

	/**
	 * Compresses one message on its own.
	 * @param message the payload
	 * @return the compressed payload, to be sent with RSV1
	 */
	public static byte[] deflate(byte[] message) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(message);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int count;
		do {
			count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, count);
		}
		while (count == buffer.length);
		deflater.end();
		byte[] all = out.toByteArray();
		return Arrays.copyOf(all, all.length - 4);
	}

}
