package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.incore.websocket.example.PlainJavaExample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's plain-Java example true.
 */
class PlainJavaExampleTests {

	@Test
	void exampleConnectsSendsAndPrintsTheEcho() throws InterruptedException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (TestServer server = TestServer.start()) {
			boolean arrived = PlainJavaExample.run(server.url("/echo"),
					new PrintStream(output, true, StandardCharsets.UTF_8));
			assertThat(arrived).isTrue();
		}
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("Connected to ws://127.0.0.1:")
			.contains("Received message: Hello world, this is a message from InCore!");
	}

}
