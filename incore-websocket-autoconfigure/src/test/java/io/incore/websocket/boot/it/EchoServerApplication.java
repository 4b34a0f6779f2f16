package io.incore.websocket.boot.it;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * A Spring Boot application with a Spring WebSocket echo endpoint at {@code /echo}, for the clients under test
 * to talk to. It records the close status of every session the server saw end.
 */
@SpringBootApplication
@EnableWebSocket
public class EchoServerApplication implements WebSocketConfigurer {

	static final BlockingQueue<CloseStatus> closeStatuses = new LinkedBlockingQueue<>();

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new EchoHandler(), "/echo");
	}

	private static final class EchoHandler extends AbstractWebSocketHandler {

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
			session.sendMessage(message);
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
			session.sendMessage(message);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			closeStatuses.add(status);
		}

	}

}
