package io.incore.websocket.internal.frame;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * The masking keys of one connection's frames, from a strong source of entropy as RFC 6455 section 10.3 asks
 * (masks keep a client's payload from steering what intermediaries on a plain connection see). Keys are drawn
 * from one {@link SecureRandom} shared by all connections, 32 at a time, so that its lock is taken once per 32
 * frames rather than per frame. Not thread-safe: a connection draws under its send lock.
 */
public final class MaskingKeys {

	private static final int BATCH = 32;

	private static final SecureRandom random = new SecureRandom();

	private ByteBuffer keys;

	/**
	 * Returns the next key.
	 * @return the key
	 */
	public int next() {
		if (this.keys == null || !this.keys.hasRemaining()) {
			byte[] batch = new byte[BATCH * Integer.BYTES];
			random.nextBytes(batch);
			this.keys = ByteBuffer.wrap(batch);
		}
		return this.keys.getInt();
	}

}
