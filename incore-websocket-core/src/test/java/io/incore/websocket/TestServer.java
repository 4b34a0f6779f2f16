package io.incore.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.server.Server;

import static org.awaitility.Awaitility.await;

/**
 * A real Tyrus WebSocket server for tests, reached on 127.0.0.1 at an ephemeral port. Its threads are named
 * {@code test-server-*} so that tests can tell them from the client's.
 * <ul>
 * <li>{@code /echo}: sends every text and binary message back; offers the subprotocols {@code chat.v1} and
 * {@code chat.v2}; records the handshake headers and the close codes it receives. Commands sent as text:
 * {@code close:<code>:<reason>} makes it close, {@code big:<n>} sends a binary message of n bytes,
 * {@code burst:<n>} sends the texts {@code 0} to {@code n-1} as fast as the connection takes them.</li>
 * </ul>
 */
public final class TestServer implements AutoCloseable {

	static final String SERVER_THREAD_PREFIX = "test-server-";

	static final BlockingQueue<Map<String, List<String>>> handshakeHeaders = new LinkedBlockingQueue<>();

	static final ThreadGroup THREADS = new ThreadGroup("test-server");

	static final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();

	private final Server server;

	private TestServer(Server server) {
		this.server = server;
	}

	/**
	 * Starts a server on an ephemeral port. It is started from a thread of {@link #THREADS}, so every thread the
	 * server creates, now or later, belongs to that group and tests can tell them from the client's.
	 */
	public static TestServer start() {
		return start(-1);
	}

	/**
	 * Starts a server on a port, again and again for up to ten seconds while the port is taken. A client that
	 * keeps reconnecting to a stopped server's port may take that very port for its own end (Linux lets a
	 * connection to a free local port connect to itself), which frees it again once the attempt fails.
	 */
	public static TestServer start(int port) {
		if (port == -1) {
			return startOnce(port);
		}
		AtomicReference<TestServer> started = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).ignoreException(IllegalStateException.class).until(() -> {
			started.set(startOnce(port));
			return true;
		});
		return started.get();
	}

	private static TestServer startOnce(int port) {
		Map<String, Object> properties = Map.of(GrizzlyServerContainer.WORKER_THREAD_POOL_CONFIG,
				pool("worker", 4), GrizzlyServerContainer.SELECTOR_THREAD_POOL_CONFIG, pool("selector", 1));
		Server server = new Server("127.0.0.1", port, "/", properties, Set.of(EchoEndpoint.class));
		AtomicReference<Exception> failure = new AtomicReference<>();
		Thread starter = new Thread(THREADS, () -> {
			try {
				server.start();
			}
			catch (DeploymentException | RuntimeException ex) {
				failure.set(ex);
			}
		}, SERVER_THREAD_PREFIX + "starter");
		starter.start();
		try {
			starter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Test server did not start", failure.get());
		}
		return new TestServer(server);
	}

	private static ThreadPoolConfig pool(String name, int threads) {
		return ThreadPoolConfig.defaultConfig()
			.setPoolName(SERVER_THREAD_PREFIX + name)
			.setCorePoolSize(threads)
			.setMaxPoolSize(threads)
			.setDaemon(true);
	}

	/**
	 * Forgets the handshake headers recorded so far.
	 */
	public static void clearHandshakeHeaders() {
		handshakeHeaders.clear();
	}

	/**
	 * Waits up to ten seconds for the headers of the next handshake.
	 * @return the headers by name, case-insensitive; {@code null} if none came
	 */
	public static Map<String, List<String>> nextHandshakeHeaders() throws InterruptedException {
		return handshakeHeaders.poll(10, TimeUnit.SECONDS);
	}

	/**
	 * Returns the headers of a handshake already recorded.
	 * @return the headers by name, or {@code null} if none is waiting
	 */
	public static Map<String, List<String>> pollHandshakeHeaders() {
		return handshakeHeaders.poll();
	}

	public int port() {
		return this.server.getPort();
	}

	public String url(String path) {
		return "ws://127.0.0.1:" + port() + path;
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/** Echoes every message; see {@link TestServer}. */
	@ServerEndpoint(value = "/echo", subprotocols = { "chat.v1", "chat.v2" }, configurator = Recorder.class)
	public static class EchoEndpoint {

		@OnOpen
		public void onOpen(Session session) {
			session.setMaxTextMessageBufferSize(8 * 1024 * 1024);
			session.setMaxBinaryMessageBufferSize(8 * 1024 * 1024);
		}

		@OnMessage
		public void onText(Session session, String message) throws IOException {
			String[] parts = message.split(":", 3);
			switch (parts[0]) {
				case "close" -> session.close(
						new CloseReason(CloseReason.CloseCodes.getCloseCode(Integer.parseInt(parts[1])), parts[2]));
				case "big" -> session.getBasicRemote().sendBinary(ByteBuffer.allocate(Integer.parseInt(parts[1])));
				case "burst" -> burst(session, Integer.parseInt(parts[1]));
				default -> session.getBasicRemote().sendText(message);
			}
		}

		private static void burst(Session session, int count) {
			Thread sender = new Thread(() -> {
				try {
					for (int i = 0; i < count; i++) {
						session.getBasicRemote().sendText(Integer.toString(i));
					}
				}
				catch (IOException | IllegalStateException ex) {
					// The client closed the connection.
				}
			}, SERVER_THREAD_PREFIX + "burst");
			sender.setDaemon(true);
			sender.start();
		}

		@OnClose
		public void onClose(CloseReason reason) {
			closeCodes.add(reason.getCloseCode().getCode());
		}

		@OnMessage
		public void onBinary(Session session, ByteBuffer message) throws IOException {
			session.getBasicRemote().sendBinary(message);
		}

	}

	/** Records the request headers of every handshake. */
	public static class Recorder extends ServerEndpointConfig.Configurator {

		@Override
		public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
				HandshakeResponse response) {
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			headers.putAll(request.getHeaders());
			handshakeHeaders.add(headers);
		}

	}

}
