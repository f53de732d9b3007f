package io.github.natsjetstream.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample ({@code sample.*}).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	private final Demo demo = new Demo();

	private final Payments payments = new Payments();

	public Demo getDemo() {
		return this.demo;
	}

	public Payments getPayments() {
		return this.payments;
	}

	/**
	 * The demo mode.
	 */
	public static class Demo {

		/**
		 * Whether to place a few orders at startup and print the URLs to look at.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Payments.
	 */
	public static class Payments {

		/**
		 * Whether orders with a negative amount are refunded. When off, their payment
		 * requests are rejected without a retry and go to the dead-letter stream, from
		 * which they can be replayed once refunds are on.
		 */
		private boolean refundsEnabled;

		/**
		 * Number of calls for each order that the payment gateway fails before it
		 * answers, to show retries with backoff.
		 */
		private int gatewayFailures = 2;

		public boolean isRefundsEnabled() {
			return this.refundsEnabled;
		}

		public void setRefundsEnabled(boolean refundsEnabled) {
			this.refundsEnabled = refundsEnabled;
		}

		public int getGatewayFailures() {
			return this.gatewayFailures;
		}

		public void setGatewayFailures(int gatewayFailures) {
			this.gatewayFailures = gatewayFailures;
		}

	}

}
