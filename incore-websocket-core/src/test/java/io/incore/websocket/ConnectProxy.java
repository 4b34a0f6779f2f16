package io.incore.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real HTTP proxy for the tests: Jetty's {@link ConnectHandler}, which answers {@code CONNECT host:port} (RFC 9110
 * section 9.3.6) and relays bytes both ways, on 127.0.0.1. It asks for basic authentication with 407 when it has
 * credentials, or refuses every tunnel with 403, and records the targets of the tunnels it opened. Its threads are
 * named {@code test-server-proxy-*}.
 */
final class ConnectProxy implements AutoCloseable {

	private final Server server;

	private final ServerConnector connector;

	private final List<String> tunnels = new CopyOnWriteArrayList<>();

	private ConnectProxy(String username, String password, boolean refuseAll) throws Exception {
		QueuedThreadPool threads = new QueuedThreadPool(16, 2);
		threads.setName(TestServer.SERVER_THREAD_PREFIX + "proxy");
		this.server = new Server(threads);
		this.connector = new ServerConnector(this.server);
		this.connector.setHost("127.0.0.1");
		this.connector.setPort(0);
		this.server.addConnector(this.connector);
		String expected = (username != null) ? "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		this.server.setHandler(new RecordingConnectHandler(expected, refuseAll));
		this.server.start();
	}

	static ConnectProxy open() throws Exception {
		return new ConnectProxy(null, null, false);
	}

	static ConnectProxy withCredentials(String username, String password) throws Exception {
		return new ConnectProxy(username, password, false);
	}

	static ConnectProxy refusing() throws Exception {
		return new ConnectProxy(null, null, true);
	}

	int port() {
		return this.connector.getLocalPort();
	}

	/** The {@code host:port} of every tunnel opened, in order. */
	List<String> tunnels() {
		return this.tunnels;
	}

	@Override
	public void close() throws Exception {
		this.server.stop();
	}

	/**
	 * Jetty's proxy, with basic authentication, a switch to refuse every destination, and a record of the tunnels.
	 */
	private final class RecordingConnectHandler extends ConnectHandler {

		private final String expectedAuthorization;

		private final boolean refuseAll;

		RecordingConnectHandler(String expectedAuthorization, boolean refuseAll) {
			this.expectedAuthorization = expectedAuthorization;
			this.refuseAll = refuseAll;
		}

		@Override
		protected boolean handleAuthentication(Request request, Response response, String address) {
			return this.expectedAuthorization == null
					|| this.expectedAuthorization.equals(request.getHeaders().get("Proxy-Authorization"));
		}

		@Override
		public boolean validateDestination(String host, int port) {
			return !this.refuseAll && super.validateDestination(host, port);
		}

		@Override
		protected void connectToServer(Request request, String host, int port,
				Promise<java.nio.channels.SocketChannel> promise) {
			ConnectProxy.this.tunnels.add(host + ":" + port);
			super.connectToServer(request, host, port, promise);
		}

	}

}
