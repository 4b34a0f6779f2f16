package io.incore.websocket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;

/**
 * Terminates TLS on 127.0.0.1 and forwards the plain bytes to a local {@link TestServer}: a real {@code wss://}
 * server for the tests (or, {@linkplain #withoutTls without TLS}, a {@code ws://} server on 127.0.0.1 only). Its
 * threads belong to {@link TestServer#THREADS}.
 */
final class TlsProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	TlsProxy(SSLContext serverContext, int targetPort) throws IOException {
		this(serverContext.getServerSocketFactory(), targetPort);
	}

	private TlsProxy(ServerSocketFactory factory, int targetPort) throws IOException {
		this.listener = factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetPort = targetPort;
		Relay.start("tls-accept", this::acceptLoop);
	}

	/**
	 * Starts a relay without TLS, listening on 127.0.0.1 only, where the {@link TestServer} listens on every
	 * address.
	 */
	static TlsProxy withoutTls(int targetPort) throws IOException {
		return new TlsProxy(ServerSocketFactory.getDefault(), targetPort);
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
				Relay.start("tls-pump", () -> Relay.pump(client, target));
				Relay.start("tls-pump", () -> Relay.pump(target, client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		this.sockets.forEach(Relay::closeQuietly);
	}

}
