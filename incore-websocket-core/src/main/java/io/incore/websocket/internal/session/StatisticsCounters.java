package io.incore.websocket.internal.session;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.incore.websocket.WebSocketStatistics;

/**
 * The live counters behind {@link WebSocketStatistics}; cheap to update from any thread.
 */
public final class StatisticsCounters {

	final LongAdder textMessagesSent = new LongAdder();

	final LongAdder binaryMessagesSent = new LongAdder();

	final LongAdder textBytesSent = new LongAdder();

	final LongAdder binaryBytesSent = new LongAdder();

	final LongAdder textMessagesReceived = new LongAdder();

	final LongAdder binaryMessagesReceived = new LongAdder();

	final LongAdder textBytesReceived = new LongAdder();

	final LongAdder binaryBytesReceived = new LongAdder();

	final LongAdder sendRejections = new LongAdder();

	final LongAdder connectAttempts = new LongAdder();

	final LongAdder connectSuccesses = new LongAdder();

	final LongAdder connectFailures = new LongAdder();

	final LongAdder connectNanos = new LongAdder();

	final LongAdder reconnectsScheduled = new LongAdder();

	/**
	 * Returns the counters as they are now.
	 * @param sendBufferDropped the messages the send buffer dropped
	 * @return a snapshot
	 */
	WebSocketStatistics snapshot(long sendBufferDropped) {
		return new WebSocketStatistics(this.textMessagesSent.sum(), this.binaryMessagesSent.sum(),
				this.textBytesSent.sum(), this.binaryBytesSent.sum(), this.textMessagesReceived.sum(),
				this.binaryMessagesReceived.sum(), this.textBytesReceived.sum(), this.binaryBytesReceived.sum(),
				this.sendRejections.sum(), this.connectAttempts.sum(), this.connectSuccesses.sum(),
				this.connectFailures.sum(), Duration.ofNanos(this.connectNanos.sum()), this.reconnectsScheduled.sum(),
				sendBufferDropped);
	}

}
