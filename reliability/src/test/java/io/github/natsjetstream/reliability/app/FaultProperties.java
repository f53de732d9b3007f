package io.github.natsjetstream.reliability.app;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the test tells the application under test: its name, where it records, how long its
 * handler works on a message, and whether it connects to its servers in the order listed.
 */
@ConfigurationProperties("faults")
public class FaultProperties {

	/**
	 * Name of this instance, recorded with every message it handles.
	 */
	private String instance = "app";

	/**
	 * File the handled messages are appended to.
	 */
	private Path record = Path.of("handled.log");

	/**
	 * Whether the application connects to the servers of {@code nats.servers} in the order
	 * listed, the first one first, instead of jnats' random order.
	 */
	private boolean serversInOrder;

	private final Work work = new Work();

	public String getInstance() {
		return this.instance;
	}

	public void setInstance(String instance) {
		this.instance = instance;
	}

	public Path getRecord() {
		return this.record;
	}

	public void setRecord(Path record) {
		this.record = record;
	}

	public boolean isServersInOrder() {
		return this.serversInOrder;
	}

	public void setServersInOrder(boolean serversInOrder) {
		this.serversInOrder = serversInOrder;
	}

	public Work getWork() {
		return this.work;
	}

	/**
	 * How long the handler works on a message: {@code duration}, but {@code slow-duration}
	 * for every message whose id is a multiple of {@code slow-every}.
	 */
	public static class Work {

		/**
		 * Time spent on a message.
		 */
		private Duration duration = Duration.ZERO;

		/**
		 * Time spent on a slow message.
		 */
		private Duration slowDuration = Duration.ZERO;

		/**
		 * Every how many ids a message is slow; 0 for none.
		 */
		private int slowEvery;

		public Duration getDuration() {
			return this.duration;
		}

		public void setDuration(Duration duration) {
			this.duration = duration;
		}

		public Duration getSlowDuration() {
			return this.slowDuration;
		}

		public void setSlowDuration(Duration slowDuration) {
			this.slowDuration = slowDuration;
		}

		public int getSlowEvery() {
			return this.slowEvery;
		}

		public void setSlowEvery(int slowEvery) {
			this.slowEvery = slowEvery;
		}

		Duration durationOf(long id) {
			return (this.slowEvery > 0 && id % this.slowEvery == 0) ? this.slowDuration : this.duration;
		}

	}

}
