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
 * collects garbage first) before and after opening connections to a server that is not Tyrus. Other tests of the
 * same JVM may hold connections and run Tyrus servers, so the test compares the growth: one Tyrus session (and
 * engine, ...) per connection before the fix, none after it; half a connection's worth is the margin for them.
 */
class IdleConnectionFootprintTests {

	private static final int CONNECTIONS = 50;

	@Test
	void openConnectionsKeepNoneOfTyrusHandshakeObjects() throws Exception {
		List<WebSocket> sockets = new ArrayList<>();
		String[] tyrusClasses = { "org.glassfish.tyrus.core.TyrusSession", "org.glassfish.tyrus.client.TyrusClientEngine",
				"org.glassfish.tyrus.core.TyrusEndpointWrapper", "org.glassfish.tyrus.core.ProtocolHandler" };
		String connectionClass = "io.incore.websocket.internal.transport.TyrusConnection";
		try (DeflateEchoServer server = new DeflateEchoServer(false, false)) {
			String before = classHistogram();
			for (int i = 0; i < CONNECTIONS; i++) {
				WebSocket socket = new WebSocket(null, WebSocketOptions.defaults());
				sockets.add(socket);
				socket.setAutoConnect(false);
				socket.setUrl(server.url());
				socket.connectToHost();
			}
			await().until(() -> sockets.stream().allMatch((socket) -> socket.getState() == WebSocket.State.Open));
			String after = classHistogram();
			assertThat(instances(after, connectionClass) - instances(before, connectionClass))
				.as("control: the connections are counted").isGreaterThanOrEqualTo(CONNECTIONS);
			for (String tyrusClass : tyrusClasses) {
				assertThat(instances(after, tyrusClass) - instances(before, tyrusClass)).as(tyrusClass)
					.isLessThan(CONNECTIONS / 2);
			}
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
