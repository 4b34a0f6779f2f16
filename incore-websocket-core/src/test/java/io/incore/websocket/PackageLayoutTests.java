package io.incore.websocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layout of the core, read from its main sources: the public API in {@code io.incore.websocket}, and
 * internals in sub-packages by role, of which only the transport ({@code internal.tyrus}) touches Tyrus, Grizzly
 * or {@code jakarta.websocket}.
 */
class PackageLayoutTests {

	private static final Path MAIN = Path.of("src/main/java/io/incore/websocket");

	private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)");

	@Test
	void onlyTheTransportImportsTyrusGrizzlyOrJakartaWebSocket() {
		assertThat(filesImporting("org.glassfish.", "jakarta.websocket."))
			.isNotEmpty()
			.allSatisfy((file, imports) -> assertThat(file).startsWith("internal/tyrus/"));
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
				assertThat(imported).as(file).noneMatch((name) -> name.startsWith("io.incore.websocket.internal.tyrus"));
			}
		});
	}

	@Test
	void theApiPackageReachesTheTransportOnlyToCreateItsConnector() {
		Map<String, List<String>> imports = importsByFile();
		imports.forEach((file, imported) -> {
			if (!file.contains("/")) {
				assertThat(imported).as(file)
					.filteredOn((name) -> name.startsWith("io.incore.websocket.internal.tyrus"))
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
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter((path) -> path.toString().endsWith(".java")).forEach((path) -> {
				Matcher matcher = IMPORT.matcher(read(path));
				List<String> names = matcher.results().map((result) -> result.group(1)).toList();
				imports.put(MAIN.relativize(path).toString().replace('\\', '/'), names);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(imports).as("main sources found from " + Path.of("").toAbsolutePath()).isNotEmpty();
		return imports;
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
