package io.github.natsjetstream.docs.samples.publishing;

import io.github.natsjetstream.observation.DefaultNatsPublishObservationConvention;
import io.github.natsjetstream.observation.NatsPublishContext;
import io.github.natsjetstream.observation.NatsPublishObservationConvention;
import io.micrometer.common.KeyValues;
import io.nats.client.impl.Headers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenantConvention {

	// tag::convention[]
	@Bean
	NatsPublishObservationConvention tenantConvention() {
		return new DefaultNatsPublishObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(NatsPublishContext context) {
				Headers headers = context.getCarrier();
				String tenant = (headers != null) ? headers.getFirst("Tenant") : null;
				return super.getLowCardinalityKeyValues(context).and("tenant", (tenant != null) ? tenant : "none");
			}

		};
	}
	// end::convention[]

}
