package io.github.natsjetstream.docs.samples.migrating;

class Billing {

	void charge(Order order) {
	}

}
