package io.incore.websocket.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The server side the sample's clients talk to, served by the application itself:
 * <ul>
 * <li>{@code /echo} sends every text and binary message back;</li>
 * <li>{@code /feed} pushes a binary message {@code tick <n> <timestamp>\n} to every session at a fixed rate
 * ({@code sample.feed.interval}, one line per message);</li>
 * <li>{@code /chat} speaks the subprotocol {@code chat.v1} and answers each text in upper case.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class SampleServerEndpoints implements WebSocketConfigurer {

	private final FeedHandler feed = new FeedHandler();

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new EchoHandler(), "/echo");
		registry.addHandler(this.feed, "/feed");
		registry.addHandler(new ChatHandler(), "/chat");
	}

	@Scheduled(fixedRateString = "${sample.feed.interval:1s}")
	void tick() {
		this.feed.broadcastTick();
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

	}

	private static final class FeedHandler extends AbstractWebSocketHandler {

		private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

		private final AtomicLong ticks = new AtomicLong();

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.sessions.add(new ConcurrentWebSocketSessionDecorator(session, 1000, 64 * 1024));
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			this.sessions.removeIf((decorated) -> decorated.getId().equals(session.getId()));
		}

		void broadcastTick() {
			byte[] line = ("tick " + this.ticks.incrementAndGet() + " " + Instant.now() + "\n")
				.getBytes(StandardCharsets.UTF_8);
			for (WebSocketSession session : this.sessions) {
				try {
					session.sendMessage(new BinaryMessage(line));
				}
				catch (IOException | IllegalStateException ex) {
					this.sessions.remove(session);
				}
			}
		}

	}

	private static final class ChatHandler extends TextWebSocketHandler implements SubProtocolCapable {

		@Override
		public List<String> getSubProtocols() {
			return List.of("chat.v1");
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
			session.sendMessage(new TextMessage(message.getPayload().toUpperCase(Locale.ROOT)));
		}

	}

}
