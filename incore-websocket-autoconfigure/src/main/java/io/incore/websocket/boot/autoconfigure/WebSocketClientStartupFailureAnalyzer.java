package io.incore.websocket.boot.autoconfigure;

import io.incore.websocket.boot.WebSocketClientStartupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@code fail-fast} client that did not connect at start-up: which client, where to (secrets redacted),
 * why, and how to start without it.
 */
class WebSocketClientStartupFailureAnalyzer extends AbstractFailureAnalyzer<WebSocketClientStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WebSocketClientStartupException cause) {
		String property = WebSocketClientFactory.PREFIX + ".clients." + cause.getClientName() + ".startup.mode";
		return new FailureAnalysis("The WebSocket client '" + cause.getClientName() + "' did not connect to "
				+ cause.getUrl() + " at start-up (" + property + " is fail-fast): " + cause.getError() + ".",
				"Check that the server at " + cause.getUrl() + " is reachable and accepts the connection, raise "
						+ WebSocketClientFactory.PREFIX + ".clients." + cause.getClientName()
						+ ".startup.timeout, or set " + property + " to wait or async to start without it.",
				cause);
	}

}
