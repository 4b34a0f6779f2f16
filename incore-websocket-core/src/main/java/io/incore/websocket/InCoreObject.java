package io.incore.websocket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.incore.websocket.internal.concurrent.EventContext;
import io.incore.websocket.internal.concurrent.SharedExecutors;

/**
 * The InCore {@code Object}: the common base of every InCore object, with an {@code objectId}, a
 * {@code parent} and its children, the {@code completed()} signal and the JSON form of the object tree.
 * <p>
 * Named {@code InCoreObject} so that it cannot be confused with {@link java.lang.Object}. It can be
 * instantiated as the root of a tree (the role InCore's {@code Application} plays).
 * <p>
 * <b>Lifecycle.</b> There is no QML engine to announce that a tree is loaded, so completion is an explicit step:
 * whoever builds the tree calls {@link #complete()} once on its root. Children complete first; then each object
 * runs its own start-up (for a {@link WebSocket}: {@code autoOpen} or {@code autoConnect}) and emits
 * {@link #completed}. An object that is never completed never starts anything by itself.
 * <p>
 * <b>Threads.</b> Every signal of an object is delivered on that object's own serial event context: in order,
 * never concurrently, on a small shared pool. Getters are thread-safe and see a new value as soon as its setter
 * returns; every public method may be called from any thread, including from a signal listener.
 */
public class InCoreObject {

	/** Emitted once, after this object and all of its children were completed. */
	public final Signal completed = new Signal(this, "completed");

	/** Emitted when {@code objectId} changed. */
	public final Signal objectIdChanged = new Signal(this, "objectIdChanged");

	/** Emitted when {@code parent} changed. */
	public final Signal parentChanged = new Signal(this, "parentChanged");

	final Object lock = new Object();

	private final EventContext eventContext = new EventContext(SharedExecutors.events());

	private final ObservableProperty<String> objectId = new ObservableProperty<>(this, this.objectIdChanged, "");

	private final ObservableProperty<InCoreObject> parent;

	private final List<InCoreObject> children = new CopyOnWriteArrayList<>();

	private final List<AbstractSignal<?>> signals = new ArrayList<>();

	private final AtomicBoolean completing = new AtomicBoolean();

	private volatile boolean isCompleted;

	/**
	 * Creates an object.
	 * @param parent the parent, or {@code null} for a root object
	 */
	static {
		PropertyBinding.declare(InCoreObject.class, "objectId", String.class, InCoreObject::getObjectId,
				(object, value) -> object.setObjectId((String) value));
	}

	public InCoreObject(InCoreObject parent) {
		registerSignals(this.completed, this.objectIdChanged, this.parentChanged);
		this.parent = new ObservableProperty<>(this, this.parentChanged, parent);
		if (parent != null) {
			parent.children.add(this);
		}
	}

	/**
	 * Returns the optional identifier of this object; by convention a plain alphanumeric string.
	 * @return the identifier, {@code ""} by default
	 */
	public String getObjectId() {
		return this.objectId.get();
	}

	/**
	 * Sets the identifier of this object.
	 * @param objectId the identifier; {@code null} counts as {@code ""}
	 */
	public void setObjectId(String objectId) {
		this.objectId.set((objectId != null) ? objectId : "");
	}

	/**
	 * Returns the parent of this object.
	 * @return the parent, or {@code null}
	 */
	public InCoreObject getParent() {
		return this.parent.get();
	}

	/**
	 * Moves this object under another parent, updating both parents' child lists.
	 * @param newParent the new parent, or {@code null} to make this object a root
	 * @throws IllegalArgumentException if the new parent is this object or one of its descendants
	 */
	public void setParent(InCoreObject newParent) {
		for (InCoreObject ancestor = newParent; ancestor != null; ancestor = ancestor.getParent()) {
			if (ancestor == this) {
				throw new IllegalArgumentException(describe() + " cannot become a child of itself or of a descendant");
			}
		}
		InCoreObject oldParent;
		synchronized (this.lock) {
			oldParent = this.parent.get();
			if (!this.parent.set(newParent)) {
				return;
			}
		}
		if (oldParent != null) {
			oldParent.children.remove(this);
		}
		if (newParent != null) {
			newParent.children.add(this);
		}
	}

	/**
	 * Returns the children of this object, in the order they were added.
	 * @return an unmodifiable snapshot of the children
	 */
	public List<InCoreObject> getChildren() {
		return List.copyOf(this.children);
	}

	/**
	 * Returns every signal of this object, including inherited ones and each {@code <property>Changed}.
	 * @return the signals, in declaration order, base classes first
	 */
	public List<AbstractSignal<?>> signals() {
		return List.copyOf(this.signals);
	}

	/**
	 * Tells whether {@link #complete()} has finished for this object.
	 * @return whether the object is completed
	 */
	public boolean isCompleted() {
		return this.isCompleted;
	}

	/**
	 * Completes this object and its whole subtree: children first, then the object's own start-up, then
	 * {@link #completed}. Only the first call has an effect. Decision: the start-up and the emission of
	 * {@code completed()} hold the object's lock, under which its state changes and signals are emitted, so that
	 * what the start-up began on other threads (a connection that opens at once) is emitted after
	 * {@code completed()} even when the completing thread is held up in between, as in a single-threaded InCore.
	 */
	public void complete() {
		if (!this.completing.compareAndSet(false, true)) {
			return;
		}
		for (InCoreObject child : this.children) {
			child.complete();
		}
		this.isCompleted = true;
		synchronized (this.lock) {
			onCompleted();
			this.completed.emit();
		}
	}

	/**
	 * Runs the object's own start-up during {@link #complete()}, after its children completed and before
	 * {@code completed()} is emitted.
	 */
	void onCompleted() {
	}

	/**
	 * Writes every property of this object and of its whole subtree as one JSON document (the InCore
	 * {@code toJson()} without argument). See {@link #serializeProperties(SerializeFilter)} for the shape.
	 * @return the JSON text
	 */
	public String toJson() {
		return PropertiesJson.write(serializeProperties(SerializeFilter.WRITABLE));
	}

	/**
	 * Renders any value as readable, indented JSON: a debugging helper (the InCore {@code toJson(value)}).
	 * @param value a map, list, string, number, boolean or {@code null}
	 * @return the JSON text
	 */
	public String toJson(Object value) {
		return PropertiesJson.writeIndented(value);
	}

	/**
	 * Loads the matching properties of this object and of its children from a JSON document such as
	 * {@link #toJson()} produced. Unknown keys and read-only properties are ignored.
	 * @param json the JSON text
	 * @throws InvalidPropertiesException if the text is not a JSON object or a value does not fit its property;
	 * nothing is changed then
	 */
	public void fromJson(String json) {
		deserializeProperties(PropertiesJson.read(json));
	}

	/**
	 * Saves the properties of this object and of its children into a map. Properties are keyed by name;
	 * enumerations are stored as their numeric value; the children, if any, are a list of such maps under the
	 * key {@code "children"}, in child order.
	 * @param filter which properties to include
	 * @return a new mutable map
	 */
	public Map<String, Object> serializeProperties(SerializeFilter filter) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (PropertyBinding binding : PropertyBinding.of(this).values()) {
			if (filter == SerializeFilter.ALL || binding.loadable()) {
				map.put(binding.name(), PropertiesJson.toPlainValue(binding.getter().apply(this)));
			}
		}
		if (!this.children.isEmpty()) {
			List<Object> childMaps = new ArrayList<>();
			for (InCoreObject child : this.children) {
				childMaps.add(child.serializeProperties(filter));
			}
			map.put("children", childMaps);
		}
		return map;
	}

	/**
	 * Loads the matching properties of this object and of its children from a map, as {@link #fromJson(String)}
	 * does. A child entry is matched to the child with the same {@code objectId} when it names one, otherwise to
	 * the child at the same position.
	 * @param map the properties
	 * @throws InvalidPropertiesException if a value does not fit its property; nothing is changed then
	 */
	public void deserializeProperties(Map<String, ?> map) {
		List<Runnable> assignments = new ArrayList<>();
		planAssignments(map, assignments, describe());
		assignments.forEach(Runnable::run);
	}

	private void planAssignments(Map<String, ?> map, List<Runnable> assignments, String path) {
		for (Map.Entry<String, ?> entry : map.entrySet()) {
			if ("children".equals(entry.getKey())) {
				planChildAssignments(entry.getValue(), assignments, path);
				continue;
			}
			PropertyBinding binding = PropertyBinding.of(this).get(entry.getKey());
			if (binding != null && binding.loadable()) {
				Object value = PropertiesJson.fromPlainValue(entry.getValue(), binding.type(),
						path + "." + binding.name());
				assignments.add(() -> binding.setter().accept(this, value));
			}
		}
	}

	private void planChildAssignments(Object value, List<Runnable> assignments, String path) {
		if (!(value instanceof Collection<?> entries)) {
			throw new InvalidPropertiesException("'" + path + ".children' must be a list of objects");
		}
		List<InCoreObject> currentChildren = getChildren();
		int index = 0;
		for (Object entry : entries) {
			if (!(entry instanceof Map<?, ?> childMap)) {
				throw new InvalidPropertiesException("'" + path + ".children[" + index + "]' must be an object");
			}
			InCoreObject child = findChild(childMap.get("objectId"), index, currentChildren);
			if (child != null) {
				@SuppressWarnings("unchecked")
				Map<String, ?> typed = (Map<String, ?>) childMap;
				child.planAssignments(typed, assignments, path + ".children[" + index + "]");
			}
			index++;
		}
	}

	private static InCoreObject findChild(Object objectId, int index, List<InCoreObject> candidates) {
		if (objectId instanceof String id && !id.isEmpty()) {
			for (InCoreObject candidate : candidates) {
				if (id.equals(candidate.getObjectId())) {
					return candidate;
				}
			}
		}
		return (index < candidates.size()) ? candidates.get(index) : null;
	}

	final void registerSignals(AbstractSignal<?>... signals) {
		this.signals.addAll(List.of(signals));
	}

	final EventContext eventContext() {
		return this.eventContext;
	}

	/**
	 * Returns a short description for messages and logs: the simple class name and the objectId if set.
	 * @return the description
	 */
	String describe() {
		String id = getObjectId();
		return getClass().getSimpleName() + (id.isEmpty() ? "" : " '" + id + "'");
	}

	@Override
	public String toString() {
		return describe();
	}

}
