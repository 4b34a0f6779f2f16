package io.incore.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The plumbing of the test's relays ({@link TlsProxy}): copying one socket's bytes to another,
 * and their threads, which belong to {@link TestServer#THREADS}.
 */
final class Relay {

	private Relay() {
	}

	/**
	 * Copies what one socket receives to the other until either ends, then closes both.
	 */
	static void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// The other direction or the test closed the connection.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	/**
	 * Starts a daemon thread of the test servers.
	 */
	static void start(String name, Runnable task) {
		Thread thread = new Thread(TestServer.THREADS, task, TestServer.SERVER_THREAD_PREFIX + name);
		thread.setDaemon(true);
		thread.start();
	}

	static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

}
