package io.incore.websocket.benchmarks;

import java.util.function.Consumer;

/**
 * What a workload needs of a WebSocket client library: connect to the echo server, send, be told of echoes.
 */
interface BenchmarkClient extends AutoCloseable {

	/**
	 * Opens one connection and waits until it is open.
	 * @param url the echo server
	 * @param onMessage called for every echo with its payload size in bytes, on the library's thread
	 * @return the connection
	 * @throws Exception if it cannot connect
	 */
	Connection connect(String url, Consumer<Integer> onMessage) throws Exception;

	/**
	 * One open connection.
	 */
	interface Connection {

		void sendText(String message) throws Exception;

		void sendBinary(byte[] message) throws Exception;

		void close() throws Exception;

	}

}
