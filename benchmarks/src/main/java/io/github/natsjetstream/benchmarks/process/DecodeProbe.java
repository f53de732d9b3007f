package io.github.natsjetstream.benchmarks.process;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.github.natsjetstream.listener.adapter.CachingJsonMessageConverter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.support.GenericMessage;

/**
 * What decoding the application case's record costs, one way against another, in one
 * thread of a process of its own (default JVM options): Jackson 2's {@code ObjectMapper},
 * Jackson 3's {@code JsonMapper} as a user creates it and as Spring Boot configures it,
 * {@code readValue(bytes, type)} against a reader kept per type, Jackson 3's default buffer
 * pool against a thread-local one, and the starter's message converter. Each way decodes
 * the same 200,000 payloads per round, the ways take turns, and the figures are the medians
 * of the rounds after two warm-up rounds: nanoseconds and bytes allocated per message.
 * <p>
 * Run from the repository root after building the benchmarks:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.natsjetstream.benchmarks.process.DecodeProbe [rounds]}
 * ({@code -Dprobe.only=TEXT} keeps the ways whose names contain the text, to profile one).
 */
public final class DecodeProbe {

	private static final int MESSAGES = 200_000;

	private DecodeProbe() {
	}

	/**
	 * Run the probe.
	 * @param args the number of measured rounds (default 7)
	 * @throws Exception when it fails
	 */
	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		JsonMapper plain = new JsonMapper();
		byte[][] payloads = new byte[MESSAGES][];
		for (int i = 0; i < MESSAGES; i++) {
			payloads[i] = plain.writeValueAsBytes(Payment.numbered(i));
		}
		Map<String, Function<byte[], Payment>> ways = new LinkedHashMap<>();
		com.fasterxml.jackson.databind.ObjectMapper jackson2 = new com.fasterxml.jackson.databind.ObjectMapper();
		ways.put("Jackson 2 ObjectMapper.readValue(bytes, type)", (bytes) -> {
			try {
				return jackson2.readValue(bytes, Payment.class);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		com.fasterxml.jackson.databind.ObjectReader jackson2Reader = jackson2.readerFor(Payment.class);
		ways.put("Jackson 2 ObjectReader per type", (bytes) -> {
			try {
				return jackson2Reader.readValue(bytes);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		ways.put("Jackson 3 new JsonMapper().readValue(bytes, type)", (bytes) -> plain.readValue(bytes, Payment.class));
		ObjectReader plainReader = plain.readerFor(Payment.class);
		ways.put("Jackson 3 new JsonMapper(), ObjectReader per type", (bytes) -> plainReader.readValue(bytes));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JacksonAutoConfiguration.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			JsonMapper boot = context.getBean(JsonMapper.class);
			ways.put("Jackson 3 Boot's JsonMapper.readValue(bytes, type)", (bytes) -> boot.readValue(bytes, Payment.class));
			ObjectReader bootReader = boot.readerFor(Payment.class);
			ways.put("Jackson 3 Boot's JsonMapper, ObjectReader per type (the starter)",
					(bytes) -> bootReader.readValue(bytes));
			ObjectReader lenient = bootReader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
			ways.put("Jackson 3 Boot's, reader without FAIL_ON_TRAILING_TOKENS", (bytes) -> lenient.readValue(bytes));
			JsonMapper plainThreadLocal = JsonMapper
				.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
				.build();
			ObjectReader plainThreadLocalReader = plainThreadLocal.readerFor(Payment.class);
			ways.put("Jackson 3 JsonMapper with thread-local buffer pool, reader per type",
					(bytes) -> plainThreadLocalReader.readValue(bytes));
			CachingJsonMessageConverter converter = new CachingJsonMessageConverter(boot);
			Map<String, Object> headers = Map.of();
			ways.put("starter's CachingJsonMessageConverter (Boot's mapper)",
					(bytes) -> (Payment) converter.fromMessage(new GenericMessage<>(bytes, headers), Payment.class));
			String only = System.getProperty("probe.only");
			if (only != null) {
				ways.keySet().removeIf((way) -> !way.contains(only));
			}
			run(ways, payloads, rounds);
		}
	}

	private static void run(Map<String, Function<byte[], Payment>> ways, byte[][] payloads, int rounds) {
		Map<String, List<double[]>> results = new LinkedHashMap<>();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long id = Thread.currentThread().getId();
		long checksum = 0;
		for (int r = -2; r < rounds; r++) {
			for (Map.Entry<String, Function<byte[], Payment>> way : ways.entrySet()) {
				Function<byte[], Payment> decode = way.getValue();
				long allocated = threads.getThreadAllocatedBytes(id);
				long started = System.nanoTime();
				for (byte[] payload : payloads) {
					checksum += decode.apply(payload).amountCents();
				}
				double nanos = (double) (System.nanoTime() - started) / payloads.length;
				double bytes = (double) (threads.getThreadAllocatedBytes(id) - allocated) / payloads.length;
				if (r >= 0) {
					results.computeIfAbsent(way.getKey(), (k) -> new ArrayList<>()).add(new double[] { nanos, bytes });
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d payloads of %d bytes, %d rounds (checksum %d)%n", payloads.length,
				payloads[0].length, rounds, checksum);
		results.forEach((way, values) -> System.out.printf(Locale.ROOT, "%-72s %7.1f ns/msg  %6.0f B/msg%n", way,
				median(values, 0), median(values, 1)));
	}

	private static double median(List<double[]> values, int index) {
		double[] sorted = values.stream().mapToDouble((v) -> v[index]).sorted().toArray();
		return sorted[sorted.length / 2];
	}

}
