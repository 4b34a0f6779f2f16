package io.incore.websocket.boot;

/**
 * Thrown at start-up when a WebSocket client property has a value that cannot work; a failure analyzer turns it
 * into a report that names the property, the value and the fix. Nothing connects when it is thrown.
 */
public class InvalidWebSocketClientPropertyException extends RuntimeException {

	private final String property;

	private final Object value;

	private final String problem;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the full property name, e.g. {@code incore.websocket.clients.feed.url}
	 * @param value the bad value, with secrets redacted; {@code null} when missing
	 * @param problem what is wrong
	 * @param action how to fix it
	 */
	public InvalidWebSocketClientPropertyException(String property, Object value, String problem, String action) {
		super("Invalid value '" + value + "' for property '" + property + "': " + problem);
		this.property = property;
		this.value = value;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * Returns the property name.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns the bad value.
	 * @return the value, {@code null} when missing
	 */
	public Object getValue() {
		return this.value;
	}

	/**
	 * Returns what is wrong with the value.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Returns how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
