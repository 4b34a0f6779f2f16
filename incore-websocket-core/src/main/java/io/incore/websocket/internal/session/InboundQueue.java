package io.incore.websocket.internal.session;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.incore.websocket.InboundLimits;

/**
 * Counts the received messages and bytes that listeners have not handled yet and applies the
 * {@link InboundLimits}. Under {@link InboundLimits.OverflowPolicy#BLOCK} reading stops when they are reached: on an
 * event loop, which must not wait, the transport suspends reading the connection (this class is its
 * {@link ReadGate}); with inline delivery, the receiving thread waits. Either resumes only
 * once the backlog has drained to half of the limits, so that reading resumes in batches rather than with a
 * hand-off per message.
 */
public final class InboundQueue implements ReadGate {

	private final InboundLimits limits;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition released = this.lock.newCondition();

	private int messages;

	private long bytes;

	private int waiting;

	private Runnable whenRoom;

	/**
	 * Creates the queue of one object.
	 * @param limits its limits
	 */
	public InboundQueue(InboundLimits limits) {
		this.limits = limits;
	}

	/**
	 * Admits one message: at once if within the limits, otherwise after waiting (BLOCK) or not at all (FAIL).
	 * @param size the message's size in bytes
	 * @param mayWait whether this thread may wait; if not, a message beyond the limits is admitted under BLOCK
	 * (the read handler stops reading before the next one)
	 * @return whether the message was admitted; {@code false} only under FAIL
	 */
	public boolean admit(long size, boolean mayWait) {
		this.lock.lock();
		try {
			boolean interrupted = false;
			while (isFull(size)) {
				if (this.limits.policy() == InboundLimits.OverflowPolicy.BLOCK && !mayWait) {
					break;
				}
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

	/**
	 * Frees a message's room, once every listener of it has run.
	 * @param size the size it was admitted with
	 */
	public void release(long size) {
		Runnable action = null;
		this.lock.lock();
		try {
			this.messages--;
			this.bytes -= size;
			if (hasCaughtUp()) {
				if (this.waiting > 0) {
					this.released.signalAll();
				}
				action = this.whenRoom;
				this.whenRoom = null;
			}
		}
		finally {
			this.lock.unlock();
		}
		if (action != null) {
			action.run();
		}
	}

	/**
	 * Whether the limits are reached; only under BLOCK, since FAIL never stops reading.
	 */
	@Override
	public boolean isFull() {
		if (this.limits.policy() != InboundLimits.OverflowPolicy.BLOCK) {
			return false;
		}
		this.lock.lock();
		try {
			return this.messages >= this.limits.maxMessages() || this.bytes >= this.limits.maxBytes();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void whenRoom(Runnable action) {
		this.lock.lock();
		try {
			if (!hasCaughtUp()) {
				this.whenRoom = action;
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		action.run();
	}

	private boolean hasCaughtUp() {
		return this.messages <= this.limits.maxMessages() / 2 && this.bytes <= this.limits.maxBytes() / 2;
	}

	/**
	 * Returns the number of messages waiting for listeners.
	 * @return the depth
	 */
	public int depth() {
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
