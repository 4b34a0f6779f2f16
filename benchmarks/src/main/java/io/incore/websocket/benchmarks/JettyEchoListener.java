package io.incore.websocket.benchmarks;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Receives echoes for {@link JettyClient}. Public because Jetty calls listener methods through method handles.
 */
public final class JettyEchoListener implements Session.Listener.AutoDemanding {

	private final Consumer<Integer> onMessage;

	JettyEchoListener(Consumer<Integer> onMessage) {
		this.onMessage = onMessage;
	}

	@Override
	public void onWebSocketText(String message) {
		this.onMessage.accept(message.length());
	}

	@Override
	public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
		this.onMessage.accept(payload.remaining());
		callback.succeed();
	}

}
