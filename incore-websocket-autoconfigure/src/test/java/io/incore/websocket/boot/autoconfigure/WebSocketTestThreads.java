package io.incore.websocket.boot.autoconfigure;

import java.util.List;

/**
 * Looks for threads of this library that only exist while connections are being made.
 */
final class WebSocketTestThreads {

	private WebSocketTestThreads() {
	}

	static List<String> connectingThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("incore-websocket-connect"))
			.toList();
	}

}
