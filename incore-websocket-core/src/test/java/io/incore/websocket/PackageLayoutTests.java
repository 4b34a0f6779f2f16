package io.incore.websocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layout of the core, read from its main sources: the public API in {@code io.incore.websocket}, and
 * internals in sub-packages by role, of which only the transport ({@code internal.transport}) touches Tyrus, Netty
 * or {@code jakarta.websocket}.
 */
class PackageLayoutTests {

	private static final Path MAIN = Path.of("src/main/java/io/incore/websocket");

	private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)");

	@Test
	void onlyTheTransportImportsTyrusNettyOrJakartaWebSocket() {
		assertThat(filesImporting("org.glassfish.", "jakarta.websocket.", "io.netty."))
			.isNotEmpty()
			.allSatisfy((file, imports) -> assertThat(file).startsWith("internal/transport/"));
	}

	/**
	 * The transport uses Tyrus and Netty through their public APIs only: no reflection anywhere in the library, and
	 * nothing of Grizzly, Tyrus' default container.
	 */
	@Test
	void noReflectionAndNoGrizzlyInTheMainSources() {
		assertThat(filesImporting("java.lang.reflect.", "org.glassfish.grizzly.", "org.glassfish.tyrus.container."))
			.isEmpty();
		Map<String, String> sources = sourcesByFile();
		sources.forEach((file, source) -> assertThat(source).as(file)
			.doesNotContain("setAccessible", "getDeclaredField", "getDeclaredMethod", "Class.forName",
					"MethodHandles.privateLookupIn"));
	}

	@Test
	void theFrameEngineIsPureJava() {
		Map<String, List<String>> imports = importsByFile();
		imports.forEach((file, imported) -> {
			if (file.startsWith("internal/frame/")) {
				assertThat(imported).as(file).allMatch((name) -> name.startsWith("java."));
			}
		});
	}

	@Test
	void theSessionKnowsNoTransport() {
		Map<String, List<String>> imports = importsByFile();
		imports.forEach((file, imported) -> {
			if (file.startsWith("internal/session/")) {
				assertThat(imported).as(file).noneMatch((name) -> name.startsWith("io.incore.websocket.internal.transport"));
			}
		});
	}

	@Test
	void theApiPackageReachesTheTransportOnlyToCreateItsConnector() {
		Map<String, List<String>> imports = importsByFile();
		imports.forEach((file, imported) -> {
			if (!file.contains("/")) {
				assertThat(imported).as(file)
					.filteredOn((name) -> name.startsWith("io.incore.websocket.internal.transport"))
					.allMatch((name) -> file.equals("WebSocket.java") && name.endsWith(".TyrusConnector"));
			}
		});
	}

	private static Map<String, List<String>> filesImporting(String... prefixes) {
		Map<String, List<String>> result = new TreeMap<>();
		importsByFile().forEach((file, imported) -> {
			List<String> matching = imported.stream()
				.filter((name) -> Stream.of(prefixes).anyMatch(name::startsWith))
				.toList();
			if (!matching.isEmpty()) {
				result.put(file, matching);
			}
		});
		return result;
	}

	private static Map<String, List<String>> importsByFile() {
		Map<String, List<String>> imports = new TreeMap<>();
		sourcesByFile().forEach((file, source) -> imports.put(file,
				IMPORT.matcher(source).results().map((result) -> result.group(1)).toList()));
		return imports;
	}

	private static Map<String, String> sourcesByFile() {
		Map<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter((path) -> path.toString().endsWith(".java"))
				.forEach((path) -> sources.put(MAIN.relativize(path).toString().replace('\\', '/'), read(path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(sources).as("main sources found from " + Path.of("").toAbsolutePath()).isNotEmpty();
		return sources;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
