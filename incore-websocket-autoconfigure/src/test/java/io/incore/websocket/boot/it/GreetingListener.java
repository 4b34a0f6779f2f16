package io.incore.websocket.boot.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.boot.event.ConnectedEvent;
import io.incore.websocket.boot.event.TextMessageReceivedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The README's {@code @EventListener} example, kept true by {@link WebSocketClientsIntegrationTests}.
 */
@Component
public class GreetingListener {

	final List<String> received = new CopyOnWriteArrayList<>();

	@EventListener
	void greet(ConnectedEvent event) {
		event.webSocket().sendTextMessage("Hello from " + event.clientName());
	}

	@EventListener(condition = "#event.clientName() == 'echo'")
	void log(TextMessageReceivedEvent event) {
		this.received.add(event.message());
	}

}
