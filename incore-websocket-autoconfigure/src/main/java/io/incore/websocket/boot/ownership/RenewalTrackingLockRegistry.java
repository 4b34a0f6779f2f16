package io.incore.websocket.boot.ownership;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.springframework.integration.support.locks.LockRegistry;

/**
 * A lock registry that tells when a lock was acquired or renewed: the leader initiator calls {@code tryLock} on
 * its lock every heartbeat, and a shared registry (JDBC, Redis) renews the lock's time-to-live on each success.
 */
final class RenewalTrackingLockRegistry implements LockRegistry<Lock> {

	private final LockRegistry<?> delegate;

	private final Runnable renewed;

	/**
	 * Wraps a registry.
	 * @param delegate the shared registry
	 * @param renewed called after every successful {@code tryLock}
	 */
	RenewalTrackingLockRegistry(LockRegistry<?> delegate, Runnable renewed) {
		this.delegate = delegate;
		this.renewed = renewed;
	}

	@Override
	public Lock obtain(Object lockKey) {
		return new TrackedLock(this.delegate.obtain(lockKey));
	}

	private final class TrackedLock implements Lock {

		private final Lock lock;

		TrackedLock(Lock lock) {
			this.lock = lock;
		}

		@Override
		public void lock() {
			this.lock.lock();
			RenewalTrackingLockRegistry.this.renewed.run();
		}

		@Override
		public void lockInterruptibly() throws InterruptedException {
			this.lock.lockInterruptibly();
			RenewalTrackingLockRegistry.this.renewed.run();
		}

		@Override
		public boolean tryLock() {
			return tracked(this.lock.tryLock());
		}

		@Override
		public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
			return tracked(this.lock.tryLock(time, unit));
		}

		private boolean tracked(boolean acquired) {
			if (acquired) {
				RenewalTrackingLockRegistry.this.renewed.run();
			}
			return acquired;
		}

		@Override
		public void unlock() {
			this.lock.unlock();
		}

		@Override
		public Condition newCondition() {
			return this.lock.newCondition();
		}

	}

}
