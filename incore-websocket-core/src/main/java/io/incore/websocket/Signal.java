package io.incore.websocket;

import java.util.function.Consumer;

/**
 * A signal without arguments, such as {@code connected()} or any {@code <property>Changed()}.
 *
 * @see AbstractSignal
 */
public final class Signal extends AbstractSignal<Runnable> {

	private static final Object[] NO_ARGUMENTS = {};

	Signal(InCoreObject owner, String name) {
		super(owner, name);
	}

	/**
	 * Connects a listener.
	 * @param listener called on the owner's event context for each emission
	 * @return the handle that disconnects it
	 */
	public SignalConnection connect(Runnable listener) {
		return add(listener);
	}

	@Override
	public SignalConnection connectGeneric(Consumer<Object[]> listener) {
		return add(() -> listener.accept(NO_ARGUMENTS));
	}

	void emit() {
		emit(Runnable::run);
	}

}
