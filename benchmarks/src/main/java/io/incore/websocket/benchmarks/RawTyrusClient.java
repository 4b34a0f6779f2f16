package io.incore.websocket.benchmarks;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;

/**
 * Tyrus 2.2.2 used as a developer would out of the box: one {@link ClientManager} on the Grizzly container with
 * default settings, blocking sends.
 */
final class RawTyrusClient implements BenchmarkClient {

	private final ClientManager manager = ClientManager.createClient(GrizzlyClientContainer.class.getName());

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		Session session = this.manager.connectToServer(new Endpoint() {

			@Override
			public void onOpen(Session session, EndpointConfig config) {
				session.addMessageHandler(String.class,
						(MessageHandler.Whole<String>) (text) -> onMessage.accept(text.length()));
				session.addMessageHandler(ByteBuffer.class,
						(MessageHandler.Whole<ByteBuffer>) (bytes) -> onMessage.accept(bytes.remaining()));
			}

		}, ClientEndpointConfig.Builder.create().build(), URI.create(url));
		return new Connection() {

			@Override
			public void sendText(String message) throws Exception {
				session.getBasicRemote().sendText(message);
			}

			@Override
			public void sendBinary(byte[] message) throws Exception {
				session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
			}

			@Override
			public void close() throws Exception {
				session.close();
			}

		};
	}

	@Override
	public void close() {
		this.manager.shutdown();
	}

}
