package io.incore.websocket.sample;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The sample's own STOMP broker: an endpoint at {@code /stomp} with Spring's simple broker, and the feed's ticks
 * published on {@code /topic/ticks} for the {@code quotes} client, which subscribes from YAML.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class SampleStompBroker implements WebSocketMessageBrokerConfigurer {

	private final ObjectProvider<SimpMessagingTemplate> broker;

	private final AtomicLong ticks = new AtomicLong();

	/**
	 * Takes the broker's template lazily: it is created from this configurer.
	 */
	SampleStompBroker(ObjectProvider<SimpMessagingTemplate> broker) {
		this.broker = broker;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/stomp");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/topic");
	}

	@Scheduled(fixedRateString = "${sample.feed.interval:1s}")
	void publishTick() {
		this.broker.getObject().convertAndSend("/topic/ticks", "quote tick " + this.ticks.incrementAndGet());
	}

}
