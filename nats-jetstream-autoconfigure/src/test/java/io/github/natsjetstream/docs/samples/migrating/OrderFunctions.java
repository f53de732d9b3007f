package io.github.natsjetstream.docs.samples.migrating;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderFunctions {

	@Bean
	Consumer<Order> orderCreated(Billing billing) {   // binding orderCreated-in-0
		return billing::charge;
	}

}
