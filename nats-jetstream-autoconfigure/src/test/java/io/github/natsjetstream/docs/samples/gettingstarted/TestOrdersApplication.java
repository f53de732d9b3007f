package io.github.natsjetstream.docs.samples.gettingstarted;

import io.github.natsjetstream.test.LocalNatsServerConfiguration;

import org.springframework.boot.SpringApplication;

public class TestOrdersApplication {

	public static void main(String[] args) {
		SpringApplication.from(OrdersApplication::main).with(LocalNatsServerConfiguration.class).run(args);
	}

}
