package io.incore.websocket.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.incore.websocket.InvalidOptionException;
import io.incore.websocket.WebSocketUrl;
import io.incore.websocket.boot.InvalidWebSocketClientPropertyException;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.PropertyMapper;

/**
 * One client's settings over the shared defaults: a value is the client's own, else the default's, else left
 * unset, so that the core's own default applies. The core's option records validate what is set; their
 * {@link InvalidOptionException} becomes a report that names the property the value came from.
 */
final class MergedClientSettings {

	private final String name;

	private final WebSocketClientSettings own;

	private final WebSocketClientSettings defaults;

	MergedClientSettings(String name, WebSocketClientSettings own, WebSocketClientSettings defaults) {
		this.name = name;
		this.own = own;
		this.defaults = defaults;
	}

	String name() {
		return this.name;
	}

	WebSocketClientSettings own() {
		return this.own;
	}

	WebSocketClientSettings defaults() {
		return this.defaults;
	}

	/**
	 * Maps a setting: the client's own value, else the default's; nothing when neither is set.
	 * @param getter reads the setting
	 * @return the source to map from
	 */
	<T> PropertyMapper.Source<T> from(Function<WebSocketClientSettings, T> getter) {
		return PropertyMapper.get().from(() -> getter.apply(this.own)).orFrom(() -> getter.apply(this.defaults));
	}

	/**
	 * Returns a setting, or a fallback when neither the client nor the defaults set it.
	 * @param getter reads the setting
	 * @param fallback the value when unset
	 * @return the value
	 */
	<T> T get(Function<WebSocketClientSettings, T> getter, T fallback) {
		T own = getter.apply(this.own);
		if (own != null) {
			return own;
		}
		T shared = getter.apply(this.defaults);
		return (shared != null) ? shared : fallback;
	}

	/**
	 * Creates a core option record, reporting an invalid component as the property it maps to.
	 * @param prefix the properties of the record, e.g. {@code reconnect}; {@code ""} for the top level
	 * @param creation creates the record
	 * @return the record
	 * @throws InvalidWebSocketClientPropertyException if the record refused a configured value
	 */
	<T> T create(String prefix, Supplier<T> creation) {
		try {
			return creation.get();
		}
		catch (InvalidOptionException ex) {
			String property = (prefix.isEmpty() ? "" : prefix + ".") + kebab(ex.getOption());
			throw invalid(property, ex);
		}
	}

	/**
	 * Returns the full name of a property where it is set: the client's own, else the default's, else the
	 * client's (where it would have to be set).
	 * @param property the property below the client, e.g. {@code reconnect.max-delay}
	 * @return the full name
	 */
	String path(String property) {
		String own = WebSocketClientFactory.PREFIX + ".clients." + this.name + "." + property;
		if (valueAt(this.own, property) == null && valueAt(this.defaults, property) != null) {
			return WebSocketClientFactory.PREFIX + ".defaults." + property;
		}
		return own;
	}

	/**
	 * Reports the property of an invalid component with the value configured for it, or with the core's value
	 * when the property is not set (as for a default maximum below a configured minimum).
	 */
	private InvalidWebSocketClientPropertyException invalid(String property, InvalidOptionException ex) {
		Object configured = valueAt(this.own, property);
		if (configured == null) {
			configured = valueAt(this.defaults, property);
		}
		String path = path(property);
		if (configured instanceof Map) {
			// A map such as the headers: the core names the entry at fault, and the others may hold secrets.
			configured = ex.getValue();
		}
		Object shown = WebSocketUrl.isSecretName(property.substring(property.lastIndexOf('.') + 1)) ? "***"
				: readable((configured != null) ? configured : ex.getValue());
		return new InvalidWebSocketClientPropertyException(path, shown, ex.getProblem(),
				"Set " + path + " to " + ex.getFix());
	}

	/**
	 * Reads a property of the settings by its configuration name ({@code reconnect.max-delay}).
	 */
	private static Object valueAt(WebSocketClientSettings settings, String property) {
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(settings);
		String beanPath = camel(property);
		return wrapper.isReadableProperty(beanPath) ? wrapper.getPropertyValue(beanPath) : null;
	}

	/**
	 * Shows a value as it is written in configuration, e.g. {@code -1s} or {@code 250ms} for a duration.
	 */
	static Object readable(Object value) {
		if (value instanceof Duration duration) {
			long millis = duration.toMillis();
			return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
		}
		return value;
	}

	private static String kebab(String camel) {
		StringBuilder kebab = new StringBuilder();
		for (char c : camel.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

	private static String camel(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
