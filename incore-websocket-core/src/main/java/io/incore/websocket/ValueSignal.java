package io.incore.websocket;

import java.util.function.Consumer;

/**
 * A signal that carries one argument, such as {@code textMessageReceived(String message)}.
 *
 * @param <T> the argument type
 * @see AbstractSignal
 */
public final class ValueSignal<T> extends AbstractSignal<Consumer<? super T>> {

	ValueSignal(InCoreObject owner, String name) {
		super(owner, name);
	}

	/**
	 * Connects a listener.
	 * @param listener called on the owner's event context with the argument of each emission
	 * @return the handle that disconnects it
	 */
	public SignalConnection connect(Consumer<? super T> listener) {
		return add(listener);
	}

	@Override
	public SignalConnection connectGeneric(Consumer<Object[]> listener) {
		return add((value) -> listener.accept(new Object[] { value }));
	}

	void emit(T value) {
		emit((listener) -> listener.accept(value));
	}

	void emit(T value, Runnable afterDelivery) {
		emit((listener) -> listener.accept(value), afterDelivery);
	}

}
