package io.incore.websocket.boot.ownership;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.glassfish.tyrus.server.Server;

/**
 * A WebSocket server on 127.0.0.1 that counts the connections open at once on {@code /owned} and remembers the
 * most it ever saw, so that a test can prove that two owners never overlapped. It echoes text.
 */
final class CountingServer implements AutoCloseable {

	static final AtomicInteger open = new AtomicInteger();

	static final AtomicInteger mostAtOnce = new AtomicInteger();

	private final Server server;

	private CountingServer(Server server) {
		this.server = server;
	}

	static CountingServer start() {
		open.set(0);
		mostAtOnce.set(0);
		Server server = new Server("127.0.0.1", -1, "/", Map.of(), Set.of(OwnedEndpoint.class));
		try {
			server.start();
		}
		catch (DeploymentException ex) {
			throw new IllegalStateException(ex);
		}
		return new CountingServer(server);
	}

	String url() {
		return "ws://127.0.0.1:" + this.server.getPort() + "/owned";
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/** Counts and echoes. */
	@ServerEndpoint("/owned")
	public static class OwnedEndpoint {

		@OnOpen
		public void onOpen(Session session) {
			int now = open.incrementAndGet();
			mostAtOnce.accumulateAndGet(now, Math::max);
		}

		@OnMessage
		public void onText(Session session, String message) throws IOException {
			session.getBasicRemote().sendText(message);
		}

		@OnClose
		public void onClose(Session session) {
			open.decrementAndGet();
		}

		@OnError
		public void onError(Session session, Throwable failure) {
			// The close that follows counts the connection out.
		}

	}

}
