package io.incore.websocket.benchmarks;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The Jetty 12 WebSocket client with default settings but for its idle timeout (off), for reference; sends are
 * asynchronous.
 */
final class JettyClient implements BenchmarkClient {

	private final WebSocketClient client;

	/**
	 * Creates and starts the client.
	 * @param tls the context for {@code wss://}, trusting the echo server; {@code null} for the JVM's default
	 */
	JettyClient(SSLContext tls) throws Exception {
		if (tls != null) {
			SslContextFactory.Client factory = new SslContextFactory.Client();
			factory.setSslContext(tls);
			ClientConnector connector = new ClientConnector();
			connector.setSslContextFactory(factory);
			this.client = new WebSocketClient(new HttpClient(new HttpClientTransportDynamic(connector)));
		}
		else {
			this.client = new WebSocketClient();
		}
		// Jetty closes a session idle for 30 s by default; the idle workload keeps them open longer over TLS.
		this.client.setIdleTimeout(Duration.ZERO);
		this.client.start();
	}

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		Session session = this.client.connect(new JettyEchoListener(onMessage), URI.create(url)).get();
		return new Connection() {

			@Override
			public void sendText(String message) {
				session.sendText(message, Callback.NOOP);
			}

			@Override
			public void sendBinary(byte[] message) {
				session.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
			}

			@Override
			public void close() {
				session.close();
			}

		};
	}

	@Override
	public void close() throws Exception {
		this.client.stop();
	}

}
