package io.incore.websocket;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an open, idle connection keeps on the heap: Tyrus runs the opening handshake only, so once connections are
 * open none of Tyrus' per-connection objects may stay reachable. Counted with the JVM's class histogram (which
 * collects garbage first), against a server that is not Tyrus, so that every Tyrus object counted is the client's.
 */
class IdleConnectionFootprintTests {

	private static final int CONNECTIONS = 20;

	@Test
	void openConnectionsKeepNoneOfTyrusHandshakeObjects() throws Exception {
		List<WebSocket> sockets = new ArrayList<>();
		try (DeflateEchoServer server = new DeflateEchoServer(false, false)) {
			for (int i = 0; i < CONNECTIONS; i++) {
				WebSocket socket = new WebSocket(null, WebSocketOptions.defaults());
				sockets.add(socket);
				socket.setAutoConnect(false);
				socket.setUrl(server.url());
				socket.connectToHost();
			}
			await().until(() -> sockets.stream().allMatch((socket) -> socket.getState() == WebSocket.State.Open));
			String histogram = classHistogram();
			assertThat(instances(histogram, "io.incore.websocket.internal.transport.TyrusConnection"))
				.as("control: the connections are counted").isEqualTo(CONNECTIONS);
			assertThat(instances(histogram, "org.glassfish.tyrus.core.TyrusSession")).isZero();
			assertThat(instances(histogram, "org.glassfish.tyrus.client.TyrusClientEngine")).isZero();
			assertThat(instances(histogram, "org.glassfish.tyrus.core.TyrusEndpointWrapper")).isZero();
			assertThat(instances(histogram, "org.glassfish.tyrus.core.ProtocolHandler")).isZero();
		}
		finally {
			sockets.forEach(WebSocket::close);
		}
	}

	private static String classHistogram() throws Exception {
		return (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
	}

	private static long instances(String histogram, String className) {
		Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)")
			.matcher(histogram);
		return line.find() ? Long.parseLong(line.group(1)) : 0;
	}

}
