package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The server answered the opening handshake with a status that neither switches protocols nor redirects: mostly
 * a 4xx or 5xx, but also a plain web server's {@code 200}. What it said, and when it asked to be tried again
 * ({@code Retry-After}, in seconds or as an HTTP date).
 */
final class UpgradeRefusedException extends IOException {

	private final int status;

	private final String reasonPhrase;

	private final transient Duration retryAfter;

	UpgradeRefusedException(HandshakeResponse response, Instant now) {
		super("HTTP " + response.getStatus() + " " + response.getReasonPhrase());
		this.status = response.getStatus();
		this.reasonPhrase = response.getReasonPhrase();
		this.retryAfter = retryAfter(response.getFirstHeaderValue("Retry-After"), now);
	}

	int status() {
		return this.status;
	}

	String reasonPhrase() {
		return this.reasonPhrase;
	}

	/**
	 * Returns the delay the server asked for.
	 * @return the delay, {@code null} if it asked for none or the header could not be read
	 */
	Duration retryAfter() {
		return this.retryAfter;
	}

	static Duration retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		if (value.chars().allMatch(Character::isDigit)) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(now, at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
