package io.incore.websocket.boot;

/**
 * Thrown when a client with {@code startup.mode: fail-fast} did not connect at start-up; a failure analyzer turns
 * it into a report that names the client, its URL (secrets redacted) and the error.
 */
public class WebSocketClientStartupException extends RuntimeException {

	private final String clientName;

	private final String url;

	private final String error;

	/**
	 * Creates the exception.
	 * @param clientName the client's name
	 * @param url the client's URL, secrets redacted
	 * @param error why it is not open
	 */
	public WebSocketClientStartupException(String clientName, String url, String error) {
		super("WebSocket client '" + clientName + "' (" + url + ") did not connect at start-up: " + error);
		this.clientName = clientName;
		this.url = url;
		this.error = error;
	}

	/**
	 * Returns the client's name.
	 * @return the name
	 */
	public String getClientName() {
		return this.clientName;
	}

	/**
	 * Returns the client's URL, secrets redacted.
	 * @return the URL
	 */
	public String getUrl() {
		return this.url;
	}

	/**
	 * Returns why the client is not open.
	 * @return the error
	 */
	public String getError() {
		return this.error;
	}

}
