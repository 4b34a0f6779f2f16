package io.incore.websocket.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring Boot application that serves its own WebSocket endpoints ({@link SampleServerEndpoints}) and talks to
 * them with the InCore WebSocket clients declared in {@code application.yml}, so that it runs with no outside
 * network.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
