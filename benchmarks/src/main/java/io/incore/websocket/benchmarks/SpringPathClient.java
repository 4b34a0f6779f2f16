package io.incore.websocket.benchmarks;

import java.util.function.Consumer;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.event.BinaryMessageReceivedEvent;
import io.incore.websocket.boot.event.TextMessageReceivedEvent;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The Spring path: a client declared in properties through the starter, echoes received by an
 * {@code @EventListener}. One application context per connection.
 */
final class SpringPathClient implements BenchmarkClient {

	private static volatile Consumer<Integer> sink = (size) -> {
	};

	private ConfigurableApplicationContext context;

	@Override
	public Connection connect(String url, Consumer<Integer> onMessage) throws Exception {
		sink = onMessage;
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("incore.websocket.clients.bench.url=" + url, "spring.main.banner-mode=off",
					"logging.level.root=warn")
			.run();
		WebSocket socket = this.context.getBean(WebSocketClients.class).get("bench");
		return CoreClient.openAndWrap(socket);
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	/**
	 * The application whose listener receives the echoes.
	 */
	@SpringBootApplication
	static class BenchmarkApplication {

		@EventListener
		void text(TextMessageReceivedEvent event) {
			sink.accept(event.message().length());
		}

		@EventListener
		void binary(BinaryMessageReceivedEvent event) {
			sink.accept(event.message().length);
		}

	}

}
