package io.incore.websocket.benchmarks;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.event.UrlChangedEvent;
import io.incore.websocket.boot.event.WebSocketEventPublisher;

import org.springframework.context.event.DefaultEventListenerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.context.event.EventListenerMethodProcessor;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Measures what the starter's publication of a signal as an application event costs, in process and without a
 * network: a client's {@code urlChanged} signal, emitted again and again, is published by the starter's
 * {@link WebSocketEventPublisher} to one {@code @EventListener} of a plain application context. Prints the
 * nanoseconds per event with the signal delivery included, and the same with a plain signal listener instead of
 * the publisher, whose difference is the publication's cost. Run it with two builds on the classpath in turn to
 * compare them. Usage: {@code EventPublishing}.
 */
public final class EventPublishing {

	private static final int EVENTS = 1_000_000;

	/** Events in flight at most: the signal's queue is not bounded, so the producer waits for the listener. */
	private static final int WINDOW = 1_024;

	private EventPublishing() {
	}

	public static void main(String[] args) throws InterruptedException {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			Listener listener = new Listener();
			context.registerBean(Listener.class, () -> listener);
			context.registerBean(EventListenerMethodProcessor.class);
			context.registerBean(DefaultEventListenerFactory.class);
			context.refresh();
			for (int round = 1; round <= 5; round++) {
				WebSocket published = new WebSocket(null);
				new WebSocketEventPublisher(context).publish("bench", published);
				long publishedNanos = run(published, listener);
				WebSocket plain = new WebSocket(null);
				plain.urlChanged.connect(listener::delivered);
				long plainNanos = run(plain, listener);
				System.out.printf("RESULT round=%d publishedNsPerEvent=%.1f plainNsPerEvent=%.1f%n", round,
						publishedNanos / (double) EVENTS, plainNanos / (double) EVENTS);
				published.close();
				plain.close();
			}
		}
	}

	private static long run(WebSocket socket, Listener listener) throws InterruptedException {
		Semaphore window = new Semaphore(WINDOW);
		listener.window = window;
		long started = System.nanoTime();
		for (int i = 0; i < EVENTS; i++) {
			if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The listener fell silent");
			}
			socket.setUrl(((i & 1) == 0) ? "ws://127.0.0.1:1/a" : "ws://127.0.0.1:1/b");
		}
		if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The listener fell silent");
		}
		return System.nanoTime() - started;
	}

	/**
	 * The application's listener; it also listens to the plain signal, to measure the same work without the
	 * publication.
	 */
	static final class Listener {

		private volatile Semaphore window;

		@EventListener
		void urlChanged(UrlChangedEvent event) {
			delivered();
		}

		void delivered() {
			this.window.release();
		}

	}

}
