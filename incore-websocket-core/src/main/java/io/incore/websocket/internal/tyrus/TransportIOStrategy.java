package io.incore.websocket.internal.tyrus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.IOStrategy;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.threadpool.Threads;

/**
 * The Grizzly I/O strategy {@link SharedTransport} installs on the shared transport, in place of Grizzly's
 * default, which hands every read from the selector thread to a worker thread.
 * <p>
 * Decision: a connection marked with {@link #readOnSelector} is read on the selector thread that saw the data
 * (Grizzly's same-thread strategy). That is every connection of this library with default delivery, marked when its
 * handshake succeeds: default delivery already moves every received message to its object's event context, so no
 * user code runs there, and one thread hand-off per read is saved (measured in BENCHMARKS.md). Because a selector
 * thread must never wait, the read handler suspends reading a connection whose listeners fell behind
 * ({@link FrameReadHandler}) instead of blocking the thread.
 * <p>
 * Every other connection keeps Grizzly's worker-thread strategy: those with inline delivery, whose listeners run on
 * the reading thread and may block, or send with a blocking write that only the selector thread could complete;
 * and those of any other Tyrus client in the JVM that shares Tyrus' transport, whose handlers expect a worker.
 * <p>
 * While a read is processed on a selector thread, the connection being read is known to the thread
 * ({@link #currentRead()}).
 */
final class TransportIOStrategy implements IOStrategy {

	static final TransportIOStrategy INSTANCE = new TransportIOStrategy();

	private static final Attribute<Boolean> selectorReads = Grizzly.DEFAULT_ATTRIBUTE_BUILDER
		.createAttribute(TransportIOStrategy.class.getName() + ".selectorReads");

	private static final ThreadLocal<Connection<?>> beingRead = new ThreadLocal<>();

	private TransportIOStrategy() {
	}

	@Override
	public boolean executeIoEvent(Connection connection, IOEvent ioEvent) throws IOException {
		return executeIoEvent(connection, ioEvent, true);
	}

	@Override
	public boolean executeIoEvent(Connection connection, IOEvent ioEvent, boolean isIoEventEnabled)
			throws IOException {
		if (!selectorReads.isSet(connection)) {
			return WorkerThreadIOStrategy.getInstance().executeIoEvent(connection, ioEvent, isIoEventEnabled);
		}
		beingRead.set(connection);
		try {
			return SameThreadIOStrategy.getInstance().executeIoEvent(connection, ioEvent, isIoEventEnabled);
		}
		finally {
			beingRead.remove();
		}
	}

	@Override
	public Executor getThreadPoolFor(Connection connection, IOEvent ioEvent) {
		return selectorReads.isSet(connection) ? null
				: WorkerThreadIOStrategy.getInstance().getThreadPoolFor(connection, ioEvent);
	}

	@Override
	public ThreadPoolConfig createDefaultWorkerPoolConfig(Transport transport) {
		return WorkerThreadIOStrategy.getInstance().createDefaultWorkerPoolConfig(transport);
	}

	/**
	 * Moves a connection's future reads to the selector thread; only for connections whose read handler gates
	 * them and whose received messages go to an event context.
	 */
	static void readOnSelector(Connection<?> connection) {
		selectorReads.set(connection, Boolean.TRUE);
	}

	/**
	 * The reads of the connection this selector thread is reading now.
	 * @return its read control, or {@code null} when this thread is not reading a connection on the selector
	 */
	static ReadControl currentRead() {
		Connection<?> connection = beingRead.get();
		return (connection != null) ? new ConnectionReads(connection) : null;
	}

	/**
	 * Whether this thread is a selector thread, which must never wait.
	 */
	static boolean onSelectorThread() {
		return Threads.isService();
	}

	/**
	 * The suspendable reads of one Grizzly connection.
	 */
	private record ConnectionReads(Connection<?> connection) implements ReadControl {

		@Override
		public void suspend() {
			setReading(false);
		}

		@Override
		public void onReadingThread(Runnable task) {
			this.connection.executeInEventThread(IOEvent.READ, task);
		}

		@Override
		public void resume() {
			setReading(true);
		}

		private void setReading(boolean reading) {
			if (!this.connection.isOpen()) {
				return;
			}
			try {
				if (reading) {
					this.connection.enableIOEvent(IOEvent.READ);
				}
				else {
					this.connection.disableIOEvent(IOEvent.READ);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
