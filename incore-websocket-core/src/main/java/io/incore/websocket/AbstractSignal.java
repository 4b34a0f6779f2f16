package io.incore.websocket;

import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Common base of {@link Signal} and {@link ValueSignal}: a named event of one {@link InCoreObject} to which
 * listeners connect.
 * <p>
 * Emissions are queued on the owning object's serial event context, so the listeners of one object run in
 * emission order and never concurrently. As with a Qt signal, an emission reaches the listeners connected at
 * the moment it was emitted, minus those disconnected before it is delivered. A listener that throws is logged
 * and the remaining listeners still run.
 *
 * @param <L> the listener type
 */
public abstract sealed class AbstractSignal<L> permits Signal, ValueSignal {

	private static final System.Logger logger = System.getLogger(AbstractSignal.class.getName());

	private final InCoreObject owner;

	private final String name;

	/** Created on the first {@code connect}: most signals of most objects are never listened to. */
	private volatile List<Registration> registrations;

	AbstractSignal(InCoreObject owner, String name) {
		this.owner = owner;
		this.name = name;
	}

	/**
	 * Returns the signal's name as the InCore reference spells it, e.g. {@code textMessageReceived}.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Connects a listener that receives the emitted arguments as an array, whatever the signal's arity: empty
	 * for a signal without arguments, one element otherwise. Meant for generic bridges (event publishing,
	 * logging) that handle every signal alike.
	 * @param listener the listener
	 * @return the handle that disconnects it
	 */
	public abstract SignalConnection connectGeneric(Consumer<Object[]> listener);

	/**
	 * Returns the number of connected listeners.
	 * @return the listener count
	 */
	public int listenerCount() {
		List<Registration> current = this.registrations;
		return (current != null) ? current.size() : 0;
	}

	SignalConnection add(L listener) {
		Objects.requireNonNull(listener, "listener must not be null");
		Registration registration = new Registration(listener);
		synchronized (this) {
			if (this.registrations == null) {
				this.registrations = new CopyOnWriteArrayList<>();
			}
			this.registrations.add(registration);
		}
		return registration;
	}

	void emit(Consumer<L> invocation) {
		emit(invocation, null);
	}

	/**
	 * Emits and then runs {@code afterDelivery} in the same task, once every listener has run, also when a
	 * listener's {@link VirtualMachineError} ended the delivery; at once if there is no listener.
	 */
	void emit(Consumer<L> invocation, Runnable afterDelivery) {
		List<Registration> current = this.registrations;
		if (current == null || current.isEmpty()) {
			if (afterDelivery != null) {
				afterDelivery.run();
			}
			return;
		}
		Iterator<Registration> listenersAtEmission = current.iterator();
		this.owner.eventContext().execute(() -> {
			try {
				deliver(listenersAtEmission, invocation);
			}
			finally {
				if (afterDelivery != null) {
					afterDelivery.run();
				}
			}
		});
	}

	private void deliver(Iterator<Registration> listeners, Consumer<L> invocation) {
		while (listeners.hasNext()) {
			Registration registration = listeners.next();
			if (!registration.connected) {
				continue;
			}
			try {
				invocation.accept(registration.listener);
			}
			catch (RuntimeException | Error ex) {
				if (ex instanceof VirtualMachineError) {
					throw ex;
				}
				logger.log(Level.WARNING, "Listener of signal '" + this.name + "' of " + this.owner.describe()
						+ " threw an exception; the other listeners still run", ex);
			}
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

	private final class Registration implements SignalConnection {

		private final L listener;

		private volatile boolean connected = true;

		Registration(L listener) {
			this.listener = listener;
		}

		@Override
		public void disconnect() {
			this.connected = false;
			AbstractSignal.this.registrations.remove(this);
		}

		@Override
		public boolean isConnected() {
			return this.connected;
		}

	}

}
