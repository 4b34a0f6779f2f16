package io.incore.websocket;

import java.util.Set;
import java.util.TreeSet;

/**
 * The live threads of this JVM that the client side may have created: everything except the test server's
 * threads (its thread group), Awaitility's polling thread and the threads that were there before.
 */
final class ClientThreads {

	private ClientThreads() {
	}

	static Set<String> names() {
		Set<String> names = new TreeSet<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.isAlive() && !isServerThread(thread) && !thread.getName().startsWith("awaitility")) {
				names.add(thread.getName() + "#" + thread.getId());
			}
		}
		return names;
	}

	private static boolean isServerThread(Thread thread) {
		for (ThreadGroup group = thread.getThreadGroup(); group != null; group = group.getParent()) {
			if (group == TestServer.THREADS) {
				return true;
			}
		}
		return thread.getName().startsWith(TestServer.SERVER_THREAD_PREFIX);
	}

	static Set<String> createdSince(Set<String> baseline) {
		Set<String> created = names();
		created.removeAll(baseline);
		return created;
	}

}
