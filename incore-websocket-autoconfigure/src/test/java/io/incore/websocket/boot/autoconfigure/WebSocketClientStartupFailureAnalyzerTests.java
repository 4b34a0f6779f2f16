package io.incore.websocket.boot.autoconfigure;

import io.incore.websocket.boot.WebSocketClientStartupException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketClientStartupFailureAnalyzer}.
 */
class WebSocketClientStartupFailureAnalyzerTests {

	@Test
	void namesTheClientItsUrlAndTheErrorAndSaysHowToStartWithoutIt() {
		FailureAnalysis analysis = new WebSocketClientStartupFailureAnalyzer().analyze(new IllegalStateException(
				new WebSocketClientStartupException("feed", "ws://h/feed?token=***", "Connection refused")));
		assertThat(analysis.getDescription()).isEqualTo("The WebSocket client 'feed' did not connect to "
				+ "ws://h/feed?token=*** at start-up (incore.websocket.clients.feed.startup.mode is fail-fast): "
				+ "Connection refused.");
		assertThat(analysis.getAction()).contains("incore.websocket.clients.feed.startup.timeout",
				"set incore.websocket.clients.feed.startup.mode to wait or async");
	}

	@Test
	void isRegistered() {
		FailureHandler skipOthersThatNeedArguments = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, skipOthersThatNeedArguments))
			.hasAtLeastOneElementOfType(WebSocketClientStartupFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(InvalidWebSocketClientPropertyFailureAnalyzer.class);
	}

}
