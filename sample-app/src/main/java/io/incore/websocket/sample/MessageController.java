package io.incore.websocket.sample;

import java.util.Map;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a text message through a named client: {@code POST /clients/{name}/messages} with the text as body.
 */
@RestController
class MessageController {

	private final WebSocketClients clients;

	MessageController(WebSocketClients clients) {
		this.clients = clients;
	}

	@PostMapping("/clients/{name}/messages")
	ResponseEntity<Map<String, Object>> send(@PathVariable String name, @RequestBody String message) {
		if (!this.clients.contains(name)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "No client named '" + name + "'", "clients", this.clients.asMap().keySet()));
		}
		WebSocket client = this.clients.get(name);
		long bytes = client.sendTextMessage(message);
		if (bytes < 0) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("error", client.getErrorString(), "state", client.getState().name()));
		}
		return ResponseEntity.ok(Map.of("client", name, "bytes", bytes));
	}

}
