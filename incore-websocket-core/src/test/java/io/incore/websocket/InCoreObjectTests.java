package io.incore.websocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The InCore Object: tree, completion and the JSON form.
 */
class InCoreObjectTests {

	@Test
	void completesChildrenFirstAndOnlyOnce() {
		InCoreObject root = new InCoreObject(null);
		InCoreObject child = new InCoreObject(root);
		InCoreObject grandChild = new InCoreObject(child);
		List<String> order = new CopyOnWriteArrayList<>();
		root.completed.connect(() -> order.add("root"));
		child.completed.connect(() -> order.add("child"));
		grandChild.completed.connect(() -> order.add("grandChild"));
		root.complete();
		root.complete();
		await().until(() -> order.size() == 3);
		assertThat(grandChild.isCompleted()).isTrue();
		assertThat(order).containsExactlyInAnyOrder("root", "child", "grandChild");
		assertThat(root.getChildren()).containsExactly(child);
	}

	@Test
	void reparentingMaintainsBothChildListsAndRejectsCycles() {
		InCoreObject first = new InCoreObject(null);
		InCoreObject second = new InCoreObject(null);
		InCoreObject child = new InCoreObject(first);
		SignalRecorder recorder = new SignalRecorder(child);
		child.setParent(second);
		assertThat(first.getChildren()).isEmpty();
		assertThat(second.getChildren()).containsExactly(child);
		recorder.awaitSignal("parentChanged");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> second.setParent(child));
	}

	@Test
	void jsonRoundTripRestoresTheWritableProperties() {
		InCoreObject root = new InCoreObject(null);
		root.setObjectId("app");
		WebSocket source = new WebSocket(root);
		source.setObjectId("feed");
		source.setUrl("wss://example.org/feed");
		source.setSubProtocol("chat.v1");
		source.setAutoConnect(false);
		source.setReadOnly(true);
		String json = root.toJson();

		InCoreObject copyRoot = new InCoreObject(null);
		WebSocket copy = new WebSocket(copyRoot);
		copyRoot.fromJson(json);
		assertThat(copyRoot.getObjectId()).isEqualTo("app");
		assertThat(copy.getObjectId()).isEqualTo("feed");
		assertThat(copy.getUrl()).isEqualTo("wss://example.org/feed");
		assertThat(copy.getSubProtocol()).isEqualTo("chat.v1");
		assertThat(copy.isAutoConnect()).isFalse();
		assertThat(copy.isReadOnly()).isTrue();
		assertThat(copyRoot.toJson()).isEqualTo(json);
	}

	@Test
	void writableFilterLeavesOutReadOnlyPropertiesAndAllIncludesThemAsNumbers() {
		WebSocket socket = new WebSocket(null);
		assertThat(socket.serializeProperties(SerializeFilter.WRITABLE)).containsKeys("url", "autoConnect",
				"subProtocol", "objectId", "append", "autoOpen", "nameArgument", "readOnly", "truncate", "unbuffered")
			.doesNotContainKeys("state", "error", "bytesAvailable", "pos");
		assertThat(socket.serializeProperties(SerializeFilter.ALL)).containsEntry("state", 3)
			.containsEntry("error", 0)
			.containsEntry("isOpen", false);
	}

	@Test
	void unknownKeysAndReadOnlyPropertiesAreIgnored() {
		WebSocket socket = new WebSocket(null);
		socket.fromJson("{\"url\":\"ws://h/x\",\"colour\":\"blue\",\"state\":1,\"bytesAvailable\":9}");
		assertThat(socket.getUrl()).isEqualTo("ws://h/x");
		assertThat(socket.getState()).isEqualTo(WebSocket.State.Closed);
	}

	@Test
	void malformedJsonIsRejectedWithoutAnyChange() {
		WebSocket socket = new WebSocket(null);
		socket.setUrl("ws://before/x");
		assertThatExceptionOfType(InvalidPropertiesException.class)
			.isThrownBy(() -> socket.fromJson("{\"url\":\"ws://after/x\","))
			.withMessageStartingWith("Malformed JSON");
		assertThatExceptionOfType(InvalidPropertiesException.class).isThrownBy(() -> socket.fromJson("[1,2]"))
			.withMessageContaining("expected an object");
		assertThat(socket.getUrl()).isEqualTo("ws://before/x");
	}

	@Test
	void aValueOfTheWrongTypeRejectsTheWholeDocument() {
		InCoreObject root = new InCoreObject(null);
		WebSocket child = new WebSocket(root);
		assertThatExceptionOfType(InvalidPropertiesException.class)
			.isThrownBy(() -> root.deserializeProperties(Map.of("objectId", "renamed", "children",
					List.of(Map.of("autoConnect", "yes")))))
			.withMessageContaining("children[0].autoConnect' must be a boolean");
		assertThat(root.getObjectId()).isEmpty();
		assertThat(child.isAutoConnect()).isTrue();
	}

	@Test
	void childrenAreMatchedByObjectIdBeforePosition() {
		InCoreObject root = new InCoreObject(null);
		WebSocket first = new WebSocket(root);
		first.setObjectId("first");
		WebSocket second = new WebSocket(root);
		second.setObjectId("second");
		root.deserializeProperties(Map.of("children", List.of(Map.of("objectId", "second", "url", "ws://two/"))));
		assertThat(second.getUrl()).isEqualTo("ws://two/");
		assertThat(first.getUrl()).isEmpty();
	}

	@Test
	void toJsonWithAValueRendersReadableJson() {
		InCoreObject object = new InCoreObject(null);
		assertThat(object.toJson(Map.of("state", WebSocket.State.Open))).contains("\"state\" : 1");
	}

	@Test
	void listenerThatThrowsDoesNotStopTheOthers() {
		InCoreObject object = new InCoreObject(null);
		List<String> calls = new CopyOnWriteArrayList<>();
		object.objectIdChanged.connect(() -> {
			throw new IllegalStateException("boom");
		});
		object.objectIdChanged.connect(() -> calls.add("second"));
		object.setObjectId("x");
		await().until(() -> calls.size() == 1);
	}

	@Test
	void disconnectedListenerIsNotCalledAgain() {
		InCoreObject object = new InCoreObject(null);
		List<String> calls = new CopyOnWriteArrayList<>();
		SignalConnection connection = object.objectIdChanged.connect(() -> calls.add(object.getObjectId()));
		object.setObjectId("a");
		await().until(() -> calls.size() == 1);
		connection.disconnect();
		assertThat(connection.isConnected()).isFalse();
		object.setObjectId("b");
		object.objectIdChanged.connect(() -> calls.add("other"));
		object.setObjectId("c");
		await().until(() -> calls.contains("other"));
		assertThat(calls).containsExactly("a", "other");
	}

}
