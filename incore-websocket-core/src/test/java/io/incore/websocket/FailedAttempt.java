package io.incore.websocket;

import java.time.Duration;

/**
 * One connection attempt that is expected to fail: the signals it emitted and how long it took from
 * {@link WebSocket#connectToHost()} to {@code disconnected()}.
 *
 * @param signals the signals of the socket, recorded from before the attempt
 * @param took the time from the request to connect to its end
 */
record FailedAttempt(SignalRecorder signals, Duration took) {

	/**
	 * Connects a socket that does not connect by itself to a URL and waits for the attempt to end.
	 * @param socket the socket, not completed or without {@code autoConnect}
	 * @param url the URL
	 * @return the attempt
	 */
	static FailedAttempt of(WebSocket socket, String url) {
		long started = System.nanoTime();
		SignalRecorder recorder = SignalRecorder.connecting(socket, url);
		recorder.awaitSignal("disconnected");
		return new FailedAttempt(recorder, Duration.ofNanos(System.nanoTime() - started));
	}

}
