package io.incore.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Records every signal of an object, in delivery order, and whether any two deliveries ever overlapped.
 * Appending is cheap (a synchronized list), so it can sit on connections that receive many messages.
 */
final class SignalRecorder {

	private final List<String> names = new ArrayList<>();

	private final List<Object[]> arguments = new ArrayList<>();

	private final AtomicInteger inside = new AtomicInteger();

	private final AtomicInteger overlaps = new AtomicInteger();

	SignalRecorder(InCoreObject object) {
		for (AbstractSignal<?> signal : object.signals()) {
			signal.connectGeneric((args) -> {
				if (this.inside.incrementAndGet() > 1) {
					this.overlaps.incrementAndGet();
				}
				synchronized (this) {
					this.names.add(signal.name());
					this.arguments.add(args);
				}
				this.inside.decrementAndGet();
			});
		}
	}

	/**
	 * Connects a socket to a URL by hand (automatic connection off) and waits until it is open.
	 * @return the recorder of its signals, from before the connection started
	 */
	static SignalRecorder connectedTo(WebSocket socket, String url) {
		SignalRecorder recorder = connecting(socket, url);
		recorder.awaitSignal("connected");
		return recorder;
	}

	/**
	 * Starts connecting a socket to a URL by hand (automatic connection off), without waiting.
	 * @return the recorder of its signals, from before the connection started
	 */
	static SignalRecorder connecting(WebSocket socket, String url) {
		socket.setUrl(url);
		socket.setAutoConnect(false);
		SignalRecorder recorder = new SignalRecorder(socket);
		socket.connectToHost();
		return recorder;
	}

	synchronized List<String> names() {
		return List.copyOf(this.names);
	}

	List<String> names(Predicate<String> filter) {
		return names().stream().filter(filter).toList();
	}

	long count(String name) {
		return names().stream().filter(name::equals).count();
	}

	synchronized List<Object> argumentsOf(String name) {
		List<Object> result = new ArrayList<>();
		for (int i = 0; i < this.names.size(); i++) {
			if (this.names.get(i).equals(name)) {
				result.add(this.arguments.get(i)[0]);
			}
		}
		return result;
	}

	int overlaps() {
		return this.overlaps.get();
	}

	void awaitSignal(String name) {
		await().until(() -> names().contains(name));
	}

	void awaitCount(String name, long count) {
		await().until(() -> count(name) >= count);
	}

}
