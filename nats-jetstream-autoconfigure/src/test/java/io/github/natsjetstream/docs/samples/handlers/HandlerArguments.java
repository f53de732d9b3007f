package io.github.natsjetstream.docs.samples.handlers;

import java.util.Map;

import io.github.natsjetstream.annotation.NatsHandler;
import io.github.natsjetstream.support.NatsHeaders;
import jakarta.validation.Valid;

import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

@Component
class HandlerArguments {

	// tag::arguments[]
	@NatsHandler("orders.*")
	void on(@Valid @Payload Order order,                       // JSON via the application's Jackson JsonMapper
			@Header("Tenant") String tenant,                   // a NATS header
			@Header(NatsHeaders.SUBJECT) String subject,
			@Header(NatsHeaders.STREAM_SEQUENCE) long sequence,
			@Header(NatsHeaders.DELIVERY_COUNT) long deliveries,
			@Headers Map<String, Object> headers,
			io.nats.client.Message message) {                  // the JetStream message itself
	}
	// end::arguments[]

}
