package io.incore.websocket.boot.stomp.server;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A Spring server for the tests of Spring's client abstractions: a STOMP endpoint at {@code /stomp} with a simple
 * broker ({@code /topic}), an application destination {@code /app/echo} that answers on {@code /topic/echo}, and
 * a plain WebSocket handler at {@code /echo} that echoes text and closes on {@code close:<code>:<reason>}. A
 * STOMP CONNECT with the login {@code intruder} is refused with an ERROR frame, and every frame that asks for a
 * receipt gets one (the simple broker sends none by itself).
 */
@SpringBootApplication
@EnableWebSocket
@EnableWebSocketMessageBroker
public class StompServerApplication implements WebSocketMessageBrokerConfigurer, WebSocketConfigurer {

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	StompServerApplication(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
		this.clientOutboundChannel = clientOutboundChannel;
	}

	public static ConfigurableApplicationContext start(int port, String... properties) {
		return new SpringApplicationBuilder(StompServerApplication.class)
			.properties("server.port=" + port, "incore.websocket.enabled=false", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/stomp");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/topic");
		registry.setApplicationDestinationPrefixes("/app");
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new ChannelInterceptor() {

			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
				if (StompCommand.CONNECT.equals(accessor.getCommand()) && "intruder".equals(accessor.getLogin())) {
					throw new MessageDeliveryException("Access denied for intruder");
				}
				return message;
			}

			@Override
			public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
				StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
				if (sent && accessor.getReceipt() != null) {
					StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
					receipt.setReceiptId(accessor.getReceipt());
					receipt.setSessionId(accessor.getSessionId());
					StompServerApplication.this.clientOutboundChannel.getObject()
						.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
				}
			}

		});
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new TextWebSocketHandler() {

			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
				String[] parts = message.getPayload().split(":", 3);
				if (parts[0].equals("close")) {
					session.close(new CloseStatus(Integer.parseInt(parts[1]), parts[2]));
				}
				else {
					session.sendMessage(message);
				}
			}

		}, "/echo");
	}

	/**
	 * Answers {@code /app/echo} on {@code /topic/echo}.
	 */
	@Controller
	static class EchoController {

		@MessageMapping("/echo")
		@SendTo("/topic/echo")
		String echo(String payload) {
			return payload;
		}

	}

}
