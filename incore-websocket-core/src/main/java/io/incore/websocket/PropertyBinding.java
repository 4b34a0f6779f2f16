package io.incore.websocket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How the JSON form of an object reads and writes one property. Bindings are declared once per class, in a static
 * initializer, and shared by all its instances.
 *
 * @param name the property name as the InCore reference spells it
 * @param type the Java type of its value ({@code Boolean}, {@code String}, {@code Long} or an {@link InCoreEnum})
 * @param getter reads the value of an object
 * @param setter writes the value of an object, {@code null} for a read-only or non-persistent property
 */
record PropertyBinding(String name, Class<?> type, Function<InCoreObject, Object> getter,
		BiConsumer<InCoreObject, Object> setter) {

	private static final Map<Class<?>, List<PropertyBinding>> declared = new ConcurrentHashMap<>();

	private static final ClassValue<Map<String, PropertyBinding>> all = new ClassValue<>() {

		@Override
		protected Map<String, PropertyBinding> computeValue(Class<?> type) {
			List<Class<?>> hierarchy = new ArrayList<>();
			for (Class<?> current = type; current != null; current = current.getSuperclass()) {
				hierarchy.add(0, current);
			}
			Map<String, PropertyBinding> bindings = new LinkedHashMap<>();
			for (Class<?> current : hierarchy) {
				declared.getOrDefault(current, List.of()).forEach((binding) -> bindings.put(binding.name(), binding));
			}
			return Collections.unmodifiableMap(bindings);
		}

	};

	boolean loadable() {
		return this.setter != null;
	}

	/**
	 * Declares a property of {@code owner}, from its static initializer.
	 */
	@SuppressWarnings("unchecked")
	static <T extends InCoreObject> void declare(Class<T> owner, String name, Class<?> type, Function<T, Object> getter,
			BiConsumer<T, Object> setter) {
		declared.computeIfAbsent(owner, (key) -> new ArrayList<>())
			.add(new PropertyBinding(name, type, (Function<InCoreObject, Object>) getter,
					(BiConsumer<InCoreObject, Object>) setter));
	}

	/**
	 * Returns the bindings of an object's class and its superclasses, base class first.
	 */
	static Map<String, PropertyBinding> of(InCoreObject object) {
		return all.get(object.getClass());
	}

}
