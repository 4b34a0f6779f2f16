package io.incore.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

/**
 * Terminates TLS on 127.0.0.1 and forwards the plain bytes to a local {@link TestServer}: a real {@code wss://}
 * server for the tests. Its threads belong to {@link TestServer#THREADS}.
 */
final class TlsProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	TlsProxy(SSLContext serverContext, int targetPort) throws IOException {
		this.listener = serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetPort = targetPort;
		start("accept", this::acceptLoop);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				start("pump", () -> pump(client, target));
				start("pump", () -> pump(target, client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void pump(Socket from, Socket to) {
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

	private static void start(String name, Runnable task) {
		Thread thread = new Thread(TestServer.THREADS, task, TestServer.SERVER_THREAD_PREFIX + "tls-" + name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		this.sockets.forEach(TlsProxy::closeQuietly);
	}

}
