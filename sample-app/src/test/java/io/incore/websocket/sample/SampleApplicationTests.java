package io.incore.websocket.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.incore.websocket.WebSocket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@Autowired
	private GreeterClient greeter;

	@Test
	void greeterConnectsToTheAppsOwnEchoEndpointAndReceivesTheGreetingBack() {
		WebSocket socket = this.greeter.socket();
		List<String> received = new CopyOnWriteArrayList<>();
		socket.textMessageReceived.connect(received::add);
		await().until(() -> socket.getState() == WebSocket.State.Open);
		socket.sendTextMessage(GreeterClient.GREETING);
		await().until(() -> received.contains(GreeterClient.GREETING));
	}

}
