package io.incore.websocket;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the received messages and bytes that listeners have not handled yet, and makes the receiving thread
 * wait when {@link InboundLimits} are reached under {@link InboundLimits.OverflowPolicy#BLOCK}. A waiting thread
 * is woken only once the backlog has drained to half of the limits, so that reading resumes in batches rather
 * than with a thread hand-off per message.
 */
final class InboundQueue {

	private final InboundLimits limits;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition released = this.lock.newCondition();

	private int messages;

	private long bytes;

	private int waiting;

	InboundQueue(InboundLimits limits) {
		this.limits = limits;
	}

	/**
	 * Admits one message: at once if within the limits, otherwise after waiting (BLOCK) or not at all (FAIL).
	 * @param size the message's size in bytes
	 * @return whether the message was admitted; {@code false} only under FAIL
	 */
	boolean admit(long size) {
		this.lock.lock();
		try {
			boolean interrupted = false;
			while (isFull(size)) {
				if (this.limits.policy() == InboundLimits.OverflowPolicy.FAIL) {
					return false;
				}
				this.waiting++;
				try {
					this.released.await();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				finally {
					this.waiting--;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			this.messages++;
			this.bytes += size;
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	void release(long size) {
		this.lock.lock();
		try {
			this.messages--;
			this.bytes -= size;
			if (this.waiting > 0 && this.messages <= this.limits.maxMessages() / 2
					&& this.bytes <= this.limits.maxBytes() / 2) {
				this.released.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	int depth() {
		this.lock.lock();
		try {
			return this.messages;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean isFull(long size) {
		if (this.messages == 0) {
			return false;
		}
		return this.messages >= this.limits.maxMessages() || this.bytes + size > this.limits.maxBytes();
	}

}
