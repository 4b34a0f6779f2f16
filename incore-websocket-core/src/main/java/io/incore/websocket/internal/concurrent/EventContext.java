package io.incore.websocket.internal.concurrent;

import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The serial event context of one {@link InCoreObject}: tasks run in submission order, one at a time, on a
 * shared bounded executor. At most one drain of the queue is scheduled at any time, which gives both order and
 * mutual exclusion without a thread per object. A drain runs a bounded batch and then yields the thread so that
 * one busy object cannot starve the others.
 * <p>
 * For {@link WebSocketOptions#inlineDelivery() inline delivery} a transport thread may queue tasks without
 * scheduling a drain ({@link #deferringDrains(Runnable)}) and then run the drain itself ({@link #drainHere()}),
 * which saves a thread hand-off per message; the single-drain rule keeps order and exclusivity either way.
 */
public final class EventContext implements Executor {

	private static final System.Logger logger = System.getLogger(EventContext.class.getName());

	private static final int BATCH = 64;

	private final Executor executor;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private static final ThreadLocal<Boolean> deferring = ThreadLocal.withInitial(() -> false);

	/**
	 * Creates the event context of one object.
	 * @param executor the shared executor its drains run on
	 */
	public EventContext(Executor executor) {
		this.executor = executor;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		if (!deferring.get()) {
			scheduleDrain();
		}
	}

	/**
	 * Runs an action during which tasks queued by this thread do not schedule a drain; the caller must call
	 * {@link #drainHere()} afterwards.
	 */
	public static void deferringDrains(Runnable action) {
		deferring.set(true);
		try {
			action.run();
		}
		finally {
			deferring.set(false);
		}
	}

	/**
	 * Runs one batch of queued tasks on this thread, unless a drain is already scheduled or running, which then
	 * runs them. What is left after the batch goes to the shared executor.
	 */
	public void drainHere() {
		if (this.scheduled.compareAndSet(false, true)) {
			drain();
		}
	}

	private void scheduleDrain() {
		if (this.scheduled.compareAndSet(false, true)) {
			this.executor.execute(this::drain);
		}
	}

	/**
	 * Runs one batch. A {@link RuntimeException} is logged and the batch goes on (signals already catch what their
	 * listeners throw, see {@link AbstractSignal}); an {@link Error} that gets this far, such as a listener's
	 * {@link VirtualMachineError}, ends the batch and the pool thread, but the rest of the queue is still
	 * scheduled, so it never stops an object's signals for good.
	 */
	private void drain() {
		try {
			for (int i = 0; i < BATCH; i++) {
				Runnable task = this.tasks.poll();
				if (task == null) {
					break;
				}
				runSafely(task);
			}
		}
		finally {
			this.scheduled.set(false);
			if (!this.tasks.isEmpty()) {
				scheduleDrain();
			}
		}
	}

	private static void runSafely(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.log(Level.ERROR, "Event task failed", ex);
		}
	}

}
