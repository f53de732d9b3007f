package io.github.natsjetstream.benchmarks.app;

import io.github.natsjetstream.annotation.NatsHandler;

import org.springframework.stereotype.Component;

/**
 * Five handlers of the application that receive nothing while the benchmark runs, as the
 * other handlers of an application would be.
 */
@Component
class IdleHandlers {

	private final PaymentCounter counter;

	IdleHandlers(PaymentCounter counter) {
		this.counter = counter;
	}

	@NatsHandler("appidle.refunds")
	void onRefund(Payment refund) {
		this.counter.other(refund);
	}

	@NatsHandler("appidle.invoices")
	void onInvoice(Payment invoice) {
		this.counter.other(invoice);
	}

	@NatsHandler("appidle.chargebacks")
	void onChargeback(Payment chargeback) {
		this.counter.other(chargeback);
	}

	@NatsHandler("appidle.payouts")
	void onPayout(Payment payout) {
		this.counter.other(payout);
	}

	@NatsHandler("appidle.audits")
	void onAudit(Payment audit) {
		this.counter.other(audit);
	}

}
