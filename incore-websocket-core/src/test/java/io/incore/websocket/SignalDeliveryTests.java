package io.incore.websocket;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import org.junit.jupiter.api.Test;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import org.junit.jupiter.params.ParameterizedTest;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import org.junit.jupiter.params.provider.ValueSource;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery contract: the signals of one object arrive in order and never concurrently, while several busy
 * objects share the pool; the same with inline delivery on transport threads.
 */
class SignalDeliveryTests {

	private static final int SOCKETS = 8;

	private static final int MESSAGES = 500;

	@RegisterExtension
	static final TestServerExtension server = new TestServerExtension();


	@ParameterizedTest(name = "inline delivery: {0}")
	@ValueSource(booleans = { false, true })
	void listenersRunOnTheEventPoolOrWithInlineDeliveryOnTheInlineGroupNeverOnAnEventLoop(boolean inlineDelivery) {
		WebSocket socket = new WebSocket(null, WebSocketOptions.builder().inlineDelivery(inlineDelivery).build());
		try {
			socket.setUrl(server.url("/echo"));
			List<String> threads = new CopyOnWriteArrayList<>();
			socket.textMessageReceived.connect((message) -> threads.add(Thread.currentThread().getName()));
			socket.connected.connect(() -> {
				for (int n = 0; n < MESSAGES; n++) {
					socket.sendTextMessage(Integer.toString(n));
				}
			});
			socket.connectToHost();
			await().atMost(Duration.ofSeconds(30)).until(() -> threads.size() == MESSAGES);
			assertThat(threads).noneMatch((name) -> name.startsWith("incore-websocket-netty-"));
			if (inlineDelivery) {
				assertThat(threads).anyMatch((name) -> name.startsWith("incore-websocket-inline-"));
			}
			else {
				assertThat(threads).allMatch((name) -> name.startsWith("incore-websocket-event-"));
			}
		}
		finally {
			socket.close();
		}
	}

	@ParameterizedTest(name = "inline delivery: {0}")
	@ValueSource(booleans = { false, true })
	void signalsOfEachObjectArriveInOrderAndNeverConcurrently(boolean inlineDelivery) {
		List<WebSocket> sockets = new ArrayList<>();
		Map<WebSocket, List<Integer>> received = new ConcurrentHashMap<>();
		Map<WebSocket, SignalRecorder> recorders = new ConcurrentHashMap<>();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicInteger maxParallelObjects = new AtomicInteger();
		AtomicInteger busyObjects = new AtomicInteger();
		for (int i = 0; i < SOCKETS; i++) {
			WebSocket socket = new WebSocket(null, WebSocketOptions.builder().inlineDelivery(inlineDelivery).build());
			socket.setUrl(server.url("/echo"));
			List<Integer> numbers = new CopyOnWriteArrayList<>();
			received.put(socket, numbers);
			AtomicInteger inside = new AtomicInteger();
			socket.textMessageReceived.connect((message) -> {
				if (inside.incrementAndGet() > 1) {
					overlaps.incrementAndGet();
				}
				maxParallelObjects.accumulateAndGet(busyObjects.incrementAndGet(), Math::max);
				numbers.add(Integer.parseInt(message));
				busyWork();
				busyObjects.decrementAndGet();
				inside.decrementAndGet();
			});
			recorders.put(socket, new SignalRecorder(socket));
			socket.connected.connect(() -> {
				for (int n = 0; n < MESSAGES; n++) {
					socket.sendTextMessage(Integer.toString(n));
				}
			});
			sockets.add(socket);
		}
		sockets.forEach(WebSocket::connectToHost);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> received.values().stream().allMatch((numbers) -> numbers.size() == MESSAGES));
		List<Integer> expected = new ArrayList<>();
		for (int n = 0; n < MESSAGES; n++) {
			expected.add(n);
		}
		assertThat(received.values()).allSatisfy((numbers) -> assertThat(numbers).isEqualTo(expected));
		assertThat(overlaps).hasValue(0);
		assertThat(recorders.values()).allSatisfy((recorder) -> {
			assertThat(recorder.overlaps()).isZero();
			assertThat(recorder.names().subList(0, 3)).containsExactly("stateChanged", "stateChanged", "connected");
		});
		assertThat(maxParallelObjects.get()).as("objects served in parallel by the shared pool").isGreaterThan(1);
		sockets.forEach(WebSocket::close);
	}

	/**
	 * Listeners of an application packaged as a nested jar find its classes through the context class loader, so
	 * an event thread must not get the system class loader as {@code ForkJoinPool}'s default threads do.
	 */
	@Test
	void anEventThreadKeepsTheContextClassLoaderOfTheThreadThatStartedIt() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> ClientThreads.names()
			.stream()
			.noneMatch((name) -> name.startsWith(SharedExecutors.THREAD_NAME_PREFIX + "event-")));
		WebSocket socket = new WebSocket(null, WebSocketOptions.builder().build());
		AtomicReference<ClassLoader> seen = new AtomicReference<>();
		socket.urlChanged.connect(() -> seen.set(Thread.currentThread().getContextClassLoader()));
		Thread caller = Thread.currentThread();
		ClassLoader previous = caller.getContextClassLoader();
		try (URLClassLoader application = new URLClassLoader(new URL[0], previous)) {
			caller.setContextClassLoader(application);
			try {
				socket.setUrl(server.url("/echo"));
			}
			finally {
				caller.setContextClassLoader(previous);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() != null);
			assertThat(seen.get()).isSameAs(application);
		}
		finally {
			socket.close();
		}
	}

	/**
	 * A listener may block, even in a way the pool would compensate for with a spare thread, on every event thread
	 * at once; each blocked call returns normally once it can.
	 */
	@Test
	void listenersBlockedOnFuturesOnEveryEventThreadAtOnceResumeWithoutError() {
		CompletableFuture<String> gate = new CompletableFuture<>();
		AtomicInteger blocked = new AtomicInteger();
		List<Object> outcomes = new CopyOnWriteArrayList<>();
		List<WebSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < SharedExecutors.EVENT_THREADS; i++) {
				WebSocket socket = new WebSocket(null, WebSocketOptions.builder().build());
				socket.urlChanged.connect(() -> {
					blocked.incrementAndGet();
					try {
						outcomes.add(gate.get());
					}
					catch (InterruptedException | ExecutionException | RuntimeException ex) {
						outcomes.add(ex);
					}
				});
				sockets.add(socket);
			}
			sockets.forEach((socket) -> socket.setUrl(server.url("/echo")));
			await().atMost(Duration.ofSeconds(10)).until(() -> blocked.get() == SharedExecutors.EVENT_THREADS);
			gate.complete("released");
			await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.size() == SharedExecutors.EVENT_THREADS);
			assertThat(outcomes).containsOnly("released");
		}
		finally {
			sockets.forEach(WebSocket::close);
		}
	}

	@Test
	void aListenerThatThrowsNeitherStopsTheOtherListenersNorLaterSignals() {
		WebSocket socket = new WebSocket(null, WebSocketOptions.builder().build());
		List<String> seen = new CopyOnWriteArrayList<>();
		socket.urlChanged.connect(() -> {
			throw new AssertionError("a listener's error, thrown on purpose by this test");
		});
		socket.urlChanged.connect(() -> seen.add("delivered"));
		socket.setUrl(server.url("/first"));
		socket.setUrl(server.url("/second"));
		await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
		assertThat(seen).containsExactly("delivered", "delivered");
		socket.close();
	}

	/**
	 * A {@link VirtualMachineError} is not caught: it ends the pool thread that ran the listener (the pool replaces
	 * it), and the object's later signals are still delivered.
	 */
	@Test
	void signalsAfterAListenerOverflowedTheStackAreStillDelivered() {
		WebSocket socket = new WebSocket(null, WebSocketOptions.builder().build());
		List<String> seen = new CopyOnWriteArrayList<>();
		socket.urlChanged.connect(() -> {
			if (seen.isEmpty()) {
				seen.add("overflow");
				throw new StackOverflowError("thrown on purpose by this test");
			}
			seen.add(socket.getUrl());
		});
		socket.setUrl(server.url("/first"));
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
		socket.setUrl(server.url("/second"));
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
		assertThat(seen).containsExactly("overflow", server.url("/second"));
		socket.close();
	}

	/**
	 * A received message holds a place in the inbound queue until its listeners have run; a
	 * {@link VirtualMachineError} from one of them still frees it, or every such error would bring the queue one
	 * message closer to its limit for good.
	 */
	@Test
	void aMessageWhoseListenerOverflowedTheStackStillFreesItsPlaceInTheInboundQueue() {
		WebSocket socket = new WebSocket(null, WebSocketOptions.builder().build());
		List<String> seen = new CopyOnWriteArrayList<>();
		socket.textMessageReceived.connect((text) -> {
			seen.add(text);
			if (text.equals("overflow")) {
				throw new StackOverflowError("thrown on purpose by this test");
			}
		});
		SignalRecorder.connectedTo(socket, server.url("/echo"));
		socket.sendTextMessage("overflow");
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
		socket.sendTextMessage("next");
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10))
			.until(() -> socket.getInboundQueueDepth() == 0);
		assertThat(seen).containsExactly("overflow", "next");
		socket.close();
	}

	private static void busyWork() {
		long end = System.nanoTime() + 20_000;
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

}
