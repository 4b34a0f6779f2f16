package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy for the tests, on plain sockets: it answers {@code CONNECT host:port} (RFC 9110 section 9.3.6) with
 * 200 and then relays bytes both ways, asks for basic authentication with 407 when it has credentials, or refuses
 * every tunnel with 403. It records the targets of the tunnels it opened. Its threads belong to
 * {@link TestServer#THREADS}.
 */
final class ConnectProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final String credentials;

	private final boolean refuseAll;

	private final List<String> tunnels = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ConnectProxy(String username, String password, boolean refuseAll) throws IOException {
		this.listener = new ServerSocket();
		this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.credentials = (username != null) ? Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)) : null;
		this.refuseAll = refuseAll;
		Relay.start("proxy-accept", this::acceptLoop);
	}

	static ConnectProxy open() throws IOException {
		return new ConnectProxy(null, null, false);
	}

	static ConnectProxy withCredentials(String username, String password) throws IOException {
		return new ConnectProxy(username, password, false);
	}

	static ConnectProxy refusing() throws IOException {
		return new ConnectProxy(null, null, true);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	/** The {@code host:port} of every tunnel opened, in order. */
	List<String> tunnels() {
		return this.tunnels;
	}

	private void acceptLoop() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.sockets.add(client);
				Relay.start("proxy-connection", () -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			String[] head = readHead(in).split("\r\n");
			String[] requestLine = head[0].split(" ");
			if (!requestLine[0].equals("CONNECT")) {
				answer(out, "405 Method Not Allowed");
				return;
			}
			if (this.refuseAll) {
				answer(out, "403 Forbidden");
				return;
			}
			if (this.credentials != null && !hasCredentials(head)) {
				answer(out, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"");
				return;
			}
			String[] target = requestLine[1].split(":");
			Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
			this.sockets.add(upstream);
			this.tunnels.add(requestLine[1]);
			answer(out, "200 Connection Established");
			Relay.start("proxy-pump", () -> Relay.pump(upstream, client));
			Relay.pump(client, upstream);
		}
		catch (IOException ex) {
			// The client or the target went away.
		}
	}

	private boolean hasCredentials(String[] head) {
		for (String line : head) {
			if (line.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)
					&& line.substring(20).trim().equals("Basic " + this.credentials)) {
				return true;
			}
		}
		return false;
	}

	private static void answer(OutputStream out, String status) throws IOException {
		out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("closed before the request ended");
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		this.sockets.forEach(Relay::closeQuietly);
	}

}
