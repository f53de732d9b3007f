package io.github.natsjetstream.docs.samples.observability;

import io.github.natsjetstream.observation.DefaultNatsHandlerObservationConvention;
import io.github.natsjetstream.observation.NatsHandlerContext;
import io.github.natsjetstream.observation.NatsHandlerObservationConvention;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedeliveryConvention {

	// tag::convention[]
	@Bean
	NatsHandlerObservationConvention redeliveryConvention() {
		KeyValue first = KeyValue.of("redelivered", "false");
		KeyValue again = KeyValue.of("redelivered", "true");
		return new DefaultNatsHandlerObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(NatsHandlerContext context) {
				boolean redelivered = context.getMessage().metaData().deliveredCount() > 1;
				return super.getLowCardinalityKeyValues(context).and(redelivered ? again : first);
			}

		};
	}
	// end::convention[]

}
