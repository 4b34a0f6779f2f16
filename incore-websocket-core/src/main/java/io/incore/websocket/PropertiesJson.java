package io.incore.websocket;

import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between the JSON text, the plain map form and the typed property values of {@link InCoreObject}.
 */
final class PropertiesJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final JsonMapper indentingMapper = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private PropertiesJson() {
	}

	static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	static String writeIndented(Object value) {
		return indentingMapper.writeValueAsString(toPlainValue(value));
	}

	static Map<String, Object> read(String json) {
		if (json == null) {
			throw new InvalidPropertiesException("Malformed JSON: the text is null");
		}
		Object parsed;
		try {
			parsed = mapper.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidPropertiesException("Malformed JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new InvalidPropertiesException("Malformed JSON: expected an object ({...}) at the top level but got "
					+ ((parsed != null) ? json.strip().charAt(0) + "..." : "null"));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) map;
		return result;
	}

	/**
	 * Converts a value to what JSON can hold, recursively: InCore enumerations become their numeric value, an
	 * InCore object its objectId; byte arrays are written as Base64 by the JSON library.
	 */
	static Object toPlainValue(Object value) {
		if (value instanceof InCoreEnum constant) {
			return constant.value();
		}
		if (value instanceof InCoreObject object) {
			return object.getObjectId();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> plain = new LinkedHashMap<>();
			map.forEach((key, entry) -> plain.put(key, toPlainValue(entry)));
			return plain;
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(PropertiesJson::toPlainValue).toList();
		}
		return value;
	}

	static Object fromPlainValue(Object value, Class<?> type, String path) {
		if (type == String.class && value instanceof String) {
			return value;
		}
		if (type == Boolean.class && value instanceof Boolean) {
			return value;
		}
		if (type == Long.class && isIntegral(value)) {
			return ((Number) value).longValue();
		}
		if (InCoreEnum.class.isAssignableFrom(type) && isIntegral(value)) {
			return enumConstant(type, ((Number) value).intValue(), path);
		}
		throw new InvalidPropertiesException("'" + path + "' must be " + describeType(type) + " but was "
				+ ((value != null) ? value.getClass().getSimpleName() + " " + write(value) : "null"));
	}

	private static boolean isIntegral(Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof BigInteger big && big.bitLength() < 64;
	}

	private static Object enumConstant(Class<?> type, int value, String path) {
		for (Object constant : type.getEnumConstants()) {
			if (((InCoreEnum) constant).value() == value) {
				return constant;
			}
		}
		throw new InvalidPropertiesException("'" + path + "' must be one of " + describeType(type) + " but was "
				+ value);
	}

	private static String describeType(Class<?> type) {
		if (type == String.class) {
			return "a string";
		}
		if (type == Boolean.class) {
			return "a boolean";
		}
		if (type == Long.class) {
			return "an integer";
		}
		return "the numeric values " + List.of(type.getEnumConstants()).stream()
			.map((constant) -> ((InCoreEnum) constant).value() + " (" + constant + ")")
			.toList();
	}

}
