package io.github.natsjetstream.docs.samples.provisioning;

import io.nats.client.KeyValue;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

@Component
class OrdersCache {

	private final KeyValue cache;

	// tag::constructor[]
	OrdersCache(@Qualifier("orders-cache") KeyValue cache) {
		this.cache = cache;
	}
	// end::constructor[]

	KeyValue cache() {
		return this.cache;
	}

}
