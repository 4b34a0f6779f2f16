package io.incore.websocket.benchmarks;

import java.util.Map;
import java.util.stream.Collectors;

import io.incore.websocket.Compression;
import io.incore.websocket.WebSocketOptions;

/**
 * Runs one workload with one client library in this JVM and prints one line
 * {@code RESULT client=<c> workload=<w> key=value ...}. Usage:
 * {@code BenchmarkDriver <client> <workload> <url> [connections]} with client one of {@code tyrus}, {@code core},
 * {@code core-uncoalesced}, {@code core-inline}, {@code core-nagle}, {@code core-uncompressed}, {@code spring},
 * {@code jdk}, {@code jetty}, {@code java-websocket}, {@code okhttp} and workload one of {@code text},
 * {@code binary}, {@code latency}, {@code idle}. A {@code wss://} URL needs {@code -Dbench.keystore} (see
 * {@link TlsMaterial}); only {@code core*} and {@code jetty} take it.
 */
public final class BenchmarkDriver {

	private BenchmarkDriver() {
	}

	public static void main(String[] args) throws Exception {
		String clientName = args[0];
		String workload = args[1];
		String url = args[2];
		try (BenchmarkClient client = client(clientName)) {
			Map<String, Double> result = switch (workload) {
				case "text" -> Workloads.throughput(client, url, 64, false, 64);
				case "binary" -> Workloads.throughput(client, url, 16 * 1024, true, 16);
				case "latency" -> Workloads.latency(client, url, Integer.getInteger("latency.warmup", 5_000), 50_000);
				case "idle" -> Workloads.idle(client, url, Integer.parseInt(args[3]));
				default -> throw new IllegalArgumentException("Unknown workload " + workload);
			};
			System.out.println("RESULT client=" + clientName + " workload=" + workload + " " + result.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + String.format("%.2f", entry.getValue()))
				.collect(Collectors.joining(" ")));
		}
		System.exit(0);
	}

	private static BenchmarkClient client(String name) throws Exception {
		return switch (name) {
			case "tyrus" -> new RawTyrusClient();
			case "core" -> new CoreClient(coreOptions().build());
			case "core-inline" -> new CoreClient(coreOptions().inlineDelivery(true).build());
			case "core-nagle" -> new CoreClient(coreOptions().tcpNoDelay(false).build());
			case "core-uncoalesced" -> new CoreClient(coreOptions().coalesceSends(false).build());
			case "core-uncompressed" -> new CoreClient(coreOptions().compression(Compression.OFF).build());
			case "spring" -> new SpringPathClient();
			case "jdk" -> new JdkClient();
			case "jetty" -> new JettyClient(TlsMaterial.clientContext());
			case "java-websocket" -> new JavaWebSocketClient();
			case "okhttp" -> new OkHttpClientDriver();
			default -> throw new IllegalArgumentException("Unknown client " + name);
		};
	}

	/**
	 * Default options, trusting the echo server's certificate in a {@code wss://} run.
	 */
	private static WebSocketOptions.Builder coreOptions() throws Exception {
		return WebSocketOptions.builder().sslContext(TlsMaterial.clientContext());
	}

}
