package io.incore.websocket.internal.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * The masking keys of one connection's frames, from a strong source of entropy as RFC 6455 section 10.3 asks
 * (masks keep a client's payload from steering what intermediaries on a plain connection see). Not thread-safe: a
 * connection draws under its send lock.
 * <p>
 * Decision: every key comes from one {@link SecureRandom} shared by all connections, but it is asked for
 * {@link Source#CHUNKS} connections' worth of keys at a time. A connection takes {@link #BATCH} keys at once from
 * that shared supply, so the lock of the supply is taken once per {@value #BATCH} frames and the
 * {@code SecureRandom} (on Linux a read of {@code /dev/urandom} mixed with SHA-1, under a lock of its own) once per
 * {@code BATCH × CHUNKS} frames. Each key is still used once and unpredictable to whoever sees the others; which
 * connection a key goes to does not matter.
 */
public final class MaskingKeys {

	/** The keys a connection takes from the shared supply at once. */
	static final int BATCH = 32;

	private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

	private static final Source source = new Source();

	/** The connection's keys, allocated with its first frame so that an idle connection holds none. */
	private byte[] keys;

	private int position;

	/**
	 * Returns the next key.
	 * @return the key
	 */
	public int next() {
		if (this.keys == null) {
			this.keys = new byte[BATCH * Integer.BYTES];
			this.position = this.keys.length;
		}
		if (this.position == this.keys.length) {
			source.take(this.keys);
			this.position = 0;
		}
		int key = (int) INTS.get(this.keys, this.position);
		this.position += Integer.BYTES;
		return key;
	}

	/**
	 * The supply all connections take their keys from.
	 */
	private static final class Source {

		/** How many connections' batches one draw from the {@code SecureRandom} supplies. */
		static final int CHUNKS = 64;

		private final SecureRandom random = new SecureRandom();

		private final byte[] supply = new byte[CHUNKS * BATCH * Integer.BYTES];

		private int taken = this.supply.length;

		/**
		 * Fills the given array with keys no one else gets.
		 */
		synchronized void take(byte[] keys) {
			if (this.taken + keys.length > this.supply.length) {
				this.random.nextBytes(this.supply);
				this.taken = 0;
			}
			System.arraycopy(this.supply, this.taken, keys, 0, keys.length);
			this.taken += keys.length;
		}

	}

}
