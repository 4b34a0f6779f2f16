package io.incore.websocket.sample;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.event.ConnectedEvent;
import io.incore.websocket.boot.event.ErrorOccurredEvent;
import io.incore.websocket.boot.event.LineAvailableForReadEvent;
import io.incore.websocket.boot.event.StateChangedEvent;
import io.incore.websocket.boot.event.TextMessageReceivedEvent;
import io.incore.websocket.boot.stomp.StompMessageReceivedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the sample does with its clients, in the spirit of the InCore example: the {@code greeter} greets on
 * {@code connected} and every client logs what it receives; the {@code ticker} reads its feed line by line in
 * IoDevice mode; the {@code quotes} client logs the STOMP messages of its subscription; state changes and errors
 * are logged.
 */
@Component
class SampleClientListeners {

	static final String GREETING = "Hello world, this is a message from InCore!";

	private static final Log logger = LogFactory.getLog(SampleClientListeners.class);

	private static final int KEPT_LINES = 100;

	private final WebSocketClients clients;

	private final Deque<String> received = new ConcurrentLinkedDeque<>();

	private final Deque<String> feedLines = new ConcurrentLinkedDeque<>();

	private final Deque<String> stompMessages = new ConcurrentLinkedDeque<>();

	SampleClientListeners(WebSocketClients clients) {
		this.clients = clients;
	}

	@EventListener
	void describeClients(ApplicationReadyEvent event) {
		this.clients.asMap().forEach((name, client) -> logger.info("Client '" + name + "' -> "
				+ client.getRedactedUrl() + (client.isAutoOpen() ? " (IoDevice mode)" : "")));
	}

	@EventListener
	void greet(ConnectedEvent event) {
		logger.info("Client '" + event.clientName() + "' connected to " + event.webSocket().getRedactedUrl());
		if (event.clientName().equals("greeter")) {
			event.webSocket().sendTextMessage(GREETING);
		}
	}

	@EventListener
	void logState(StateChangedEvent event) {
		logger.info("Client '" + event.clientName() + "' is " + event.webSocket().getState());
	}

	@EventListener
	void logError(ErrorOccurredEvent event) {
		logger.warn("Client '" + event.clientName() + "': " + event.webSocket().getErrorString());
	}

	/**
	 * Logs the text messages of the plain clients; the {@code quotes} client's are STOMP frames, see
	 * {@link #logStomp(StompMessageReceivedEvent)}.
	 */
	@EventListener(condition = "#event.clientName() != 'quotes'")
	void logText(TextMessageReceivedEvent event) {
		logger.info("Client '" + event.clientName() + "' received message: " + event.message());
		remember(this.received, event.clientName() + ": " + event.message());
	}

	@EventListener(condition = "#event.clientName() == 'ticker'")
	void readFeed(LineAvailableForReadEvent event) {
		WebSocket ticker = event.webSocket();
		while (ticker.canReadLine()) {
			String line = ticker.readLine().strip();
			logger.info("Client 'ticker' read line: " + line);
			remember(this.feedLines, line);
		}
	}

	@EventListener
	void logStomp(StompMessageReceivedEvent event) {
		logger.info("Client '" + event.clientName() + "' received on " + event.destination() + ": "
				+ event.payloadAsString());
		remember(this.stompMessages, event.destination() + " " + event.payloadAsString());
	}

	List<String> received() {
		return new ArrayList<>(this.received);
	}

	List<String> feedLines() {
		return new ArrayList<>(this.feedLines);
	}

	List<String> stompMessages() {
		return new ArrayList<>(this.stompMessages);
	}

	private static void remember(Deque<String> lines, String line) {
		lines.addLast(line);
		while (lines.size() > KEPT_LINES) {
			lines.pollFirst();
		}
	}

}
