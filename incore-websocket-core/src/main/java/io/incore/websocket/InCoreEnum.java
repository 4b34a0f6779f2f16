package io.incore.websocket;

/**
 * An InCore enumeration: every constant carries the numeric value the InCore reference documents, which is
 * also what the JSON form of an object holds.
 */
public interface InCoreEnum {

	/**
	 * Returns the documented numeric value.
	 * @return the value
	 */
	int value();

	/**
	 * Returns the constant of {@code type} with the given numeric value.
	 * @param <E> the enumeration type
	 * @param type the enumeration class
	 * @param value the numeric value
	 * @return the constant
	 * @throws IllegalArgumentException if no constant has that value
	 */
	static <E extends Enum<E> & InCoreEnum> E fromValue(Class<E> type, int value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.value() == value) {
				return constant;
			}
		}
		throw new IllegalArgumentException("No " + type.getSimpleName() + " has the value " + value);
	}

}
