package io.incore.websocket;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the JSON form of an object reads and writes one property.
 *
 * @param name the property name as the InCore reference spells it
 * @param type the Java type of its value ({@code Boolean}, {@code String}, {@code Long} or an {@link InCoreEnum})
 * @param getter reads the value
 * @param setter writes the value, {@code null} for a read-only or non-persistent property
 */
record PropertyBinding(String name, Class<?> type, Supplier<Object> getter, Consumer<Object> setter) {

	boolean loadable() {
		return this.setter != null;
	}

}
