package io.incore.websocket.boot.it;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its default access the {@code websockets} endpoint can be read but not written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=websockets",
				"incore.websocket.clients.echo.url=ws://127.0.0.1:${local.server.port}/echo" })
@DirtiesContext
class ReadOnlyEndpointIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void writeOperationsAreNotAvailableByDefault() {
		ActuatorClient actuator = new ActuatorClient(this.port);
		assertThat(actuator.get("/actuator/websockets/echo").status()).isEqualTo(200);
		assertThat(actuator.post("/actuator/websockets/echo", "{\"action\":\"disconnect\"}").status())
			.isBetween(400, 499);
	}

}
