package io.incore.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Records every signal of an object, in delivery order, and whether any two deliveries ever overlapped.
 */
final class SignalRecorder {

	private final List<String> names = new CopyOnWriteArrayList<>();

	private final List<Object[]> arguments = new CopyOnWriteArrayList<>();

	private final AtomicInteger inside = new AtomicInteger();

	private final AtomicInteger overlaps = new AtomicInteger();

	SignalRecorder(InCoreObject object) {
		for (AbstractSignal<?> signal : object.signals()) {
			signal.connectGeneric((args) -> {
				if (this.inside.incrementAndGet() > 1) {
					this.overlaps.incrementAndGet();
				}
				this.names.add(signal.name());
				this.arguments.add(args);
				this.inside.decrementAndGet();
			});
		}
	}

	List<String> names() {
		return List.copyOf(this.names);
	}

	List<String> names(Predicate<String> filter) {
		return this.names.stream().filter(filter).toList();
	}

	long count(String name) {
		return this.names.stream().filter(name::equals).count();
	}

	List<Object> argumentsOf(String name) {
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
		await().until(() -> this.names.contains(name));
	}

	void awaitCount(String name, long count) {
		await().until(() -> count(name) >= count);
	}

	void clear() {
		this.names.clear();
		this.arguments.clear();
	}

}
