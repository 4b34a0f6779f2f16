package io.incore.websocket;

import java.util.Objects;

/**
 * The value of one property of an {@link InCoreObject} together with its change signal. Reads are lock-free;
 * writes happen under the owner's lock and queue {@code <name>Changed} only when the value really changes.
 *
 * @param <T> the value type
 */
final class ObservableProperty<T> {

	private final InCoreObject owner;

	private final Signal changed;

	private volatile T value;

	ObservableProperty(InCoreObject owner, Signal changed, T initialValue) {
		this.owner = owner;
		this.changed = changed;
		this.value = initialValue;
	}

	T get() {
		return this.value;
	}

	/**
	 * Sets the value, emitting the change signal if it differs from the current one.
	 * @param newValue the new value
	 * @return whether the value changed
	 */
	boolean set(T newValue) {
		synchronized (this.owner.lock) {
			if (Objects.equals(this.value, newValue)) {
				return false;
			}
			this.value = newValue;
			this.changed.emit();
			return true;
		}
	}

}
