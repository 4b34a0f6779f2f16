package io.incore.websocket.boot.autoconfigure;

import io.incore.websocket.boot.InvalidWebSocketClientPropertyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid WebSocket client property at start-up: which property, which value, what is wrong and how
 * to fix it.
 */
class InvalidWebSocketClientPropertyFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidWebSocketClientPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidWebSocketClientPropertyException cause) {
		String value = (cause.getValue() != null) ? "'" + cause.getValue() + "'" : "(not set)";
		return new FailureAnalysis("The WebSocket client property '" + cause.getProperty() + "' has an invalid value "
				+ value + ": " + cause.getProblem() + ".",
				cause.getAction() + ".", cause);
	}

}
