package io.incore.websocket;

import java.time.Duration;

/**
 * A snapshot of the traffic and connection counters of one {@link WebSocket} since it was created (Java-only;
 * the source of its metrics). Byte counts are payload bytes; text is counted in UTF-8.
 *
 * @param textMessagesSent text messages handed to the transport
 * @param binaryMessagesSent binary messages handed to the transport
 * @param textBytesSent UTF-8 bytes of the text messages sent
 * @param binaryBytesSent bytes of the binary messages sent
 * @param textMessagesReceived text messages received
 * @param binaryMessagesReceived binary messages received
 * @param textBytesReceived UTF-8 bytes of the text messages received
 * @param binaryBytesReceived bytes of the binary messages received
 * @param sendRejections sends refused because the socket was not open ({@code NotOpenError})
 * @param connectAttempts connection attempts started
 * @param connectSuccesses attempts that reached {@code Open}
 * @param connectFailures attempts that failed before {@code Open}
 * @param connectTime the total time of the successful attempts, from start to {@code Open}
 * @param reconnectsScheduled reconnect attempts scheduled by the reconnect policy
 * @param sendBufferDropped messages of the {@link SendBuffer} dropped, by its overflow policy or because no
 * connection was going to carry them
 */
public record WebSocketStatistics(long textMessagesSent, long binaryMessagesSent, long textBytesSent,
		long binaryBytesSent, long textMessagesReceived, long binaryMessagesReceived, long textBytesReceived,
		long binaryBytesReceived, long sendRejections, long connectAttempts, long connectSuccesses,
		long connectFailures, Duration connectTime, long reconnectsScheduled, long sendBufferDropped) {

	/**
	 * Creates a snapshot without send buffer counts, as before the send buffer existed.
	 * @param textMessagesSent text messages handed to the transport
	 * @param binaryMessagesSent binary messages handed to the transport
	 * @param textBytesSent UTF-8 bytes of the text messages sent
	 * @param binaryBytesSent bytes of the binary messages sent
	 * @param textMessagesReceived text messages received
	 * @param binaryMessagesReceived binary messages received
	 * @param textBytesReceived UTF-8 bytes of the text messages received
	 * @param binaryBytesReceived bytes of the binary messages received
	 * @param sendRejections sends refused because the socket was not open
	 * @param connectAttempts connection attempts started
	 * @param connectSuccesses attempts that reached {@code Open}
	 * @param connectFailures attempts that failed before {@code Open}
	 * @param connectTime the total time of the successful attempts
	 * @param reconnectsScheduled reconnect attempts scheduled by the reconnect policy
	 */
	public WebSocketStatistics(long textMessagesSent, long binaryMessagesSent, long textBytesSent,
			long binaryBytesSent, long textMessagesReceived, long binaryMessagesReceived, long textBytesReceived,
			long binaryBytesReceived, long sendRejections, long connectAttempts, long connectSuccesses,
			long connectFailures, Duration connectTime, long reconnectsScheduled) {
		this(textMessagesSent, binaryMessagesSent, textBytesSent, binaryBytesSent, textMessagesReceived,
				binaryMessagesReceived, textBytesReceived, binaryBytesReceived, sendRejections, connectAttempts,
				connectSuccesses, connectFailures, connectTime, reconnectsScheduled, 0);
	}

}
