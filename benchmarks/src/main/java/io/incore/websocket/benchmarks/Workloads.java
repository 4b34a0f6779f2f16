package io.incore.websocket.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.OperatingSystemMXBean;

/**
 * The measured workloads. Every loop is bounded in time and count; results are returned as named numbers.
 */
final class Workloads {

	/** Before (a) and (b) are measured; {@code -Dthroughput.warmup=<seconds>} for another. */
	static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(Integer.getInteger("throughput.warmup", 3));

	static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(10);

	private static final long ECHO_TIMEOUT_SECONDS = 30;

	/** A round trip above this is printed with {@code -Dlatency.outliers=true}. */
	private static final long OUTLIER_NANOS = 500_000;

	private Workloads() {
	}

	/**
	 * (a) and (b): one connection, {@code inFlight} messages outstanding at any time; messages echoed per second
	 * and payload megabytes per second over the measurement window, after a warm-up, and the CPU time this JVM
	 * spent per echoed message meanwhile (every thread: the client's, the driver's and the JIT's), which swings less
	 * than the rate on a machine shared with the server.
	 */
	static Map<String, Double> throughput(BenchmarkClient client, String url, int payloadBytes, boolean binary,
			int inFlight) throws Exception {
		Semaphore window = new Semaphore(inFlight);
		AtomicLong echoed = new AtomicLong();
		BenchmarkClient.Connection connection = client.connect(url, (size) -> {
			echoed.incrementAndGet();
			window.release();
		});
		String text = "x".repeat(payloadBytes);
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		long start = System.nanoTime();
		long measureFrom = start + WARM_UP_NANOS;
		long end = measureFrom + MEASURE_NANOS;
		long countAtStart = -1;
		long cpuAtStart = 0;
		long now;
		while ((now = System.nanoTime()) < end) {
			if (countAtStart < 0 && now >= measureFrom) {
				countAtStart = echoed.get();
				cpuAtStart = processCpuNanos();
			}
			if (!window.tryAcquire(ECHO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No echo within " + ECHO_TIMEOUT_SECONDS + " s");
			}
			if (binary) {
				connection.sendBinary(bytes);
			}
			else {
				connection.sendText(text);
			}
		}
		double messages = echoed.get() - countAtStart;
		double cpuMicros = (processCpuNanos() - cpuAtStart) / 1e3;
		double seconds = MEASURE_NANOS / 1e9;
		connection.close();
		Map<String, Double> result = new LinkedHashMap<>();
		result.put("msgPerSec", messages / seconds);
		result.put("mbPerSec", messages * payloadBytes / seconds / (1024 * 1024));
		result.put("cpuUsPerMsg", cpuMicros / messages);
		return result;
	}

	private static long processCpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * (c): one message in flight; round-trip percentiles in microseconds over {@code count} messages after
	 * {@code warmUp} messages.
	 */
	static Map<String, Double> latency(BenchmarkClient client, String url, int warmUp, int count) throws Exception {
		Semaphore echo = new Semaphore(0);
		BenchmarkClient.Connection connection = client.connect(url, (size) -> echo.release());
		String text = "x".repeat(64);
		long[] rounds = new long[count];
		for (int i = 0; i < warmUp + count; i++) {
			long sent = System.nanoTime();
			connection.sendText(text);
			if (!echo.tryAcquire(ECHO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("No echo within " + ECHO_TIMEOUT_SECONDS + " s");
			}
			if (i >= warmUp) {
				rounds[i - warmUp] = System.nanoTime() - sent;
			}
		}
		connection.close();
		if (Boolean.getBoolean("latency.outliers")) {
			printOutliers(rounds);
		}
		Arrays.sort(rounds);
		Map<String, Double> result = new LinkedHashMap<>();
		result.put("p50us", percentile(rounds, 0.50));
		result.put("p99us", percentile(rounds, 0.99));
		result.put("p999us", percentile(rounds, 0.999));
		return result;
	}

	/**
	 * Prints every round trip above {@link #OUTLIER_NANOS} as {@code index@ms=µs}, where {@code ms} is the time into
	 * the measured rounds, to tell a tail spread over the run from one that gathers at its start (compilation).
	 */
	private static void printOutliers(long[] rounds) {
		StringBuilder line = new StringBuilder("OUTLIERS");
		long elapsed = 0;
		for (int i = 0; i < rounds.length; i++) {
			elapsed += rounds[i];
			if (rounds[i] > OUTLIER_NANOS) {
				line.append(' ').append(i).append('@').append(elapsed / 1_000_000).append("ms=")
					.append(rounds[i] / 1000);
			}
		}
		System.out.println(line);
	}

	private static double percentile(long[] sorted, double fraction) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] / 1000.0;
	}

	/**
	 * (d): {@code count} idle connections from this JVM: seconds to open them all one after another, heap per
	 * connection after a full collection, JVM threads, then one echo on each to prove they are alive.
	 */
	static Map<String, Double> idle(BenchmarkClient client, String url, int count) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long heapBefore = usedHeapAfterGc(memory);
		CountDownLatch echoes = new CountDownLatch(count);
		List<BenchmarkClient.Connection> connections = new ArrayList<>(count);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			connections.add(client.connect(url, (size) -> echoes.countDown()));
		}
		double openSeconds = (System.nanoTime() - start) / 1e9;
		long heapAfter = usedHeapAfterGc(memory);
		int threads = ManagementFactory.getThreadMXBean().getThreadCount();
		if (Boolean.getBoolean("histogram")) {
			printClassHistogram();
		}
		for (BenchmarkClient.Connection connection : connections) {
			connection.sendText("alive?");
		}
		boolean allAlive = echoes.await(60, TimeUnit.SECONDS);
		Map<String, Double> result = new LinkedHashMap<>();
		result.put("connections", (double) count);
		result.put("openSeconds", openSeconds);
		result.put("heapKiBPerConnection", (heapAfter - heapBefore) / 1024.0 / count);
		result.put("jvmThreads", (double) threads);
		result.put("allEchoed", allAlive ? 1.0 : 0.0);
		for (BenchmarkClient.Connection connection : connections) {
			connection.close();
		}
		return result;
	}

	/**
	 * Prints the heap's class histogram to standard error, taken in this process through the
	 * {@code DiagnosticCommand} MBean (attaching {@code jcmd} is refused on some machines); with
	 * {@code -Dhistogram=true}.
	 */
	private static void printClassHistogram() throws JMException {
		Object histogram = ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
		System.err.println(histogram);
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			TimeUnit.MILLISECONDS.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
