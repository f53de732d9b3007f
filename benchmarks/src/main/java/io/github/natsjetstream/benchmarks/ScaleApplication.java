package io.github.natsjetstream.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.natsjetstream.listener.NatsHandlerContainerRegistry;
import io.nats.client.Connection;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The scale case's application, run by the benchmarks as a process of its own: the
 * starter with full auto-configuration, 20 streams ({@code nats.jetstream.streams.*}) and
 * {@code scale.handlers} idle {@link ScaleHandler handlers} over them, and one
 * {@link ScaleBusyHandler busy handler} on a stream of its own (idle too until the busy
 * phases). It prints {@code BENCH STARTED millis=...} once {@code SpringApplication.run}
 * has returned, then follows commands on standard input: {@code IDLE <seconds> [<settle>]}
 * waits two seconds (or {@code settle} seconds) and until the JIT compilers are idle,
 * prints {@code BENCH IDLE-START}, measures
 * the process idle for that long and prints {@code BENCH IDLE ...}; {@code SETTLE
 * <seconds>} only waits so and prints {@code BENCH SETTLED}; the busy phases'
 * commands ({@link ScaleBusyPhases}); {@code EXIT} (or the end of the input) closes the
 * context, prints {@code BENCH CLOSED millis=...} and ends the process.
 * <p>
 * Arguments: Spring Boot's ({@code --nats.servers=...}, {@code --scale.handlers=N},
 * {@code --scale.busy=KEY}, the busy handler's stream ({@link ScaleSubjects#busyStream}),
 * {@code --spring.threads.virtual.enabled=true}).
 */
public final class ScaleApplication {

	private static final Duration SETTLE = Duration.ofSeconds(2);

	private static final Duration COMPILATION_QUIET_TIMEOUT = Duration.ofSeconds(60);

	private ScaleApplication() {
	}

	/**
	 * Run the application.
	 * @param args Spring Boot arguments
	 * @throws Exception when it fails
	 */
	public static void main(String[] args) throws Exception {
		int handlers = 0;
		String busyKey = ScaleSubjects.MEASURED_BUSY_KEY;
		for (String arg : args) {
			if (arg.startsWith("--scale.handlers=")) {
				handlers = Integer.parseInt(arg.substring("--scale.handlers=".length()));
			}
			if (arg.startsWith("--scale.busy=")) {
				busyKey = arg.substring("--scale.busy=".length());
			}
		}
		int count = handlers;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.application.name", "scale");
		properties.put("logging.level.root", "WARN");
		for (int i = 0; i < ScaleSubjects.STREAMS; i++) {
			properties.put("nats.jetstream.streams." + ScaleSubjects.stream(i) + ".subjects",
					ScaleSubjects.streamSubjects(i));
		}
		String busySubjects = ScaleSubjects.busyPrefix(busyKey) + ".>";
		properties.put("nats.jetstream.streams." + ScaleSubjects.busyStream(busyKey) + ".subjects", busySubjects);
		properties.put("scale.busy.subjects", busySubjects);
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ScaleConfiguration.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties)
			.initializers((applicationContext) -> {
				GenericApplicationContext generic = (GenericApplicationContext) applicationContext;
				generic.registerBean("scaleSubjects", ScaleSubjects.class, ScaleSubjects::new);
				generic.registerBean("scaleBusy", ScaleBusyHandler.class, ScaleBusyHandler::new);
				for (int i = 0; i < count; i++) {
					generic.registerBean(String.format(Locale.ROOT, "scale%04d", i), ScaleHandler.class,
							ScaleHandler::new);
				}
			})
			.run(args);
		double millis = (System.nanoTime() - started) / 1e6;
		context.getBean(Connection.class).flush(Duration.ofSeconds(10));
		print("STARTED millis=%.1f uptimeMillis=%d", millis, ManagementFactory.getRuntimeMXBean().getUptime());
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		ScaleBusyPhases busy = new ScaleBusyPhases(context.getBean(NatsHandlerContainerRegistry.class),
				context.getBean(ScaleBusyHandler.class));
		String command;
		while ((command = in.readLine()) != null && !command.equals("EXIT")) {
			String[] words = command.trim().split("\\s+");
			switch (words[0]) {
				case "IDLE" -> idle(Duration.ofSeconds(Long.parseLong(words[1])),
						(words.length > 2) ? Duration.ofSeconds(Long.parseLong(words[2])) : SETTLE);
				case "SETTLE" -> {
					settle(Duration.ofSeconds(Long.parseLong(words[1])));
					print("SETTLED");
				}
				case ScaleBusyPhases.PAUSE -> busy.pause();
				case ScaleBusyPhases.THROUGHPUT -> busy.throughput(Long.parseLong(words[1]));
				case ScaleBusyPhases.LATENCY -> busy.latency(Long.parseLong(words[1]));
				default -> throw new IllegalArgumentException("Unknown command '" + command + "'");
			}
		}
		long closing = System.nanoTime();
		context.close();
		print("CLOSED millis=%.1f", (System.nanoTime() - closing) / 1e6);
		System.exit(0);
	}

	private static void idle(Duration duration, Duration settle) throws InterruptedException {
		settle(settle);
		long jitBefore = MachineProbe.compilationMillis();
		long gcBefore = HeapProbe.gcCount();
		print("IDLE-START");
		long cpuBefore = HeapProbe.processCpuNanos();
		Map<String, Long> threadCpuBefore = HeapProbe.cpuByThread();
		long allocatedBefore = allocatedBytes();
		long started = System.nanoTime();
		Thread.sleep(duration.toMillis());
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpu = (HeapProbe.processCpuNanos() - cpuBefore) / 1e9 / seconds;
		Map<String, Double> byGroup = new java.util.TreeMap<>();
		HeapProbe.cpuByThread().forEach((name, nanos) -> byGroup.merge(name.replaceAll("[0-9]+", "N"),
				(nanos - threadCpuBefore.getOrDefault(name, 0L)) / 1e9 / seconds, Double::sum));
		byGroup.forEach((group, share) -> {
			if (share >= 0.0005) {
				print("IDLE-THREADS %.6f %s", share, group);
			}
		});
		double allocated = (allocatedBytes() - allocatedBefore) / seconds;
		print("IDLE-VM jitMillis=%d gcs=%d", MachineProbe.compilationMillis() - jitBefore,
				HeapProbe.gcCount() - gcBefore);
		int threads = HeapProbe.liveThreads();
		long heap = HeapProbe.liveBytes();
		print("IDLE cpu=%.6f allocatedPerSecond=%.1f threads=%d heapBytes=%d", cpu, allocated, threads, heap);
	}

	/**
	 * Wait for the application to settle after its start: the time given, then until the
	 * JIT compilers, which go on compiling the startup for a while, are idle.
	 */
	private static void settle(Duration settle) throws InterruptedException {
		Thread.sleep(settle.toMillis());
		MachineProbe.awaitCompilationQuiet(COMPILATION_QUIET_TIMEOUT);
	}

	/**
	 * Bytes allocated so far by all threads, virtual threads included: the JVM's total
	 * where it tells (JDK 21 and later), else the sum over the live platform threads
	 * (which carry the virtual ones).
	 */
	private static long allocatedBytes() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try {
			Object total = Class.forName("com.sun.management.ThreadMXBean")
				.getMethod("getTotalThreadAllocatedBytes")
				.invoke(threads);
			if (total instanceof Long bytes && bytes >= 0) {
				return bytes;
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// Before JDK 21.
		}
		return HeapProbe.allocatedByThread().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Print a line of the protocol: {@code BENCH } and the formatted text.
	 * @param format the format
	 * @param args its arguments
	 */
	static void print(String format, Object... args) {
		System.out.println("BENCH " + String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

	/**
	 * The application: Spring Boot's auto-configuration with nothing scanned.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ScaleConfiguration {

	}

}
