package io.incore.websocket;

/**
 * Thrown by {@link InCoreObject#fromJson(String)} and {@link InCoreObject#deserializeProperties(java.util.Map)}
 * when the input is malformed or a value does not fit its property. Nothing was changed when it is thrown.
 */
public class InvalidPropertiesException extends IllegalArgumentException {

	InvalidPropertiesException(String message) {
		super(message);
	}

	InvalidPropertiesException(String message, Throwable cause) {
		super(message, cause);
	}

}
