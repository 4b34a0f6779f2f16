package io.incore.websocket;

/**
 * The bound on received messages that listeners have not handled yet, per connection. Pongs count as messages
 * here (their payload as their bytes): they reach the {@code pongReceived} listeners the same way, so a server that
 * floods pongs meets the same bound as one that floods messages.
 *
 * @param maxMessages the most messages waiting for listeners, positive
 * @param maxBytes the most bytes waiting for listeners (text counted as two bytes a character), positive; one
 * larger message is still let through when nothing else waits
 * @param policy what happens when the bound is reached
 */
public record InboundLimits(int maxMessages, long maxBytes, OverflowPolicy policy) {

	/** The defaults: 1,024 messages, 16 MiB, {@link OverflowPolicy#BLOCK}. */
	public static final InboundLimits DEFAULT = new InboundLimits(1024, 16L * 1024 * 1024, OverflowPolicy.BLOCK);

	/**
	 * Validates the limits.
	 * @param maxMessages the message bound
	 * @param maxBytes the byte bound
	 * @param policy the policy
	 */
	public InboundLimits {
		InvalidOptionException.require(maxMessages > 0, "maxMessages", maxMessages, "at least one message must fit",
				"a positive number, e.g. 1024");
		InvalidOptionException.require(maxBytes > 0, "maxBytes", maxBytes, "the size must be positive",
				"a size such as 64KB or 16MB");
		java.util.Objects.requireNonNull(policy, "policy");
	}

	/**
	 * What to do when listeners fall behind.
	 */
	public enum OverflowPolicy {

		/**
		 * Stop reading from the connection until listeners have caught up to half the limits; nothing is
		 * dropped. The server is slowed down by TCP flow control. No thread waits meanwhile, except with
		 * {@link WebSocketOptions#inlineDelivery() inline delivery}, where the connection's reading thread of the
		 * inline group waits. The limits can be exceeded by one message, when a message larger than the byte room left arrives.
		 */
		BLOCK,

		/**
		 * Close the connection with 1008 (policy violation) and report
		 * {@link IpSocketError#SocketResourceError}.
		 */
		FAIL

	}

}
