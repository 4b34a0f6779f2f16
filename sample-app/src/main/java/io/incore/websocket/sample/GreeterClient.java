package io.incore.websocket.sample;

import io.incore.websocket.WebSocket;
import io.incore.websocket.WebSocketUrl;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The seed's example: once the application is ready, connect to the echo endpoint, greet on
 * {@code connected} and log every text message received.
 */
@Component
class GreeterClient {

	static final String GREETING = "Hello world, this is a message from InCore!";

	private static final Log logger = LogFactory.getLog(GreeterClient.class);

	private final WebSocket socket = new WebSocket(null);

	GreeterClient() {
		this.socket.setObjectId("greeter");
		this.socket.connected.connect(() -> {
			logger.info("Connected to " + WebSocketUrl.redact(this.socket.getUrl()));
			this.socket.sendTextMessage(GREETING);
		});
		this.socket.textMessageReceived.connect((message) -> logger.info("Received message: " + message));
		this.socket.errorOccurred.connect(() -> logger.warn("Error " + this.socket.getError() + ": "
				+ this.socket.getErrorString()));
	}

	WebSocket socket() {
		return this.socket;
	}

	@EventListener
	void connectWhenReady(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		this.socket.setUrl("ws://127.0.0.1:" + environment.getProperty("local.server.port") + "/echo");
		this.socket.complete();
	}

	@EventListener
	void closeOnShutdown(org.springframework.context.event.ContextClosedEvent event) {
		this.socket.close();
	}

}
