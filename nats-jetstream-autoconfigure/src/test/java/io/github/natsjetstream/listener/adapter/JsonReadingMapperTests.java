package io.github.natsjetstream.listener.adapter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonReadingMapper}: payloads read with the derived mapper as with the
 * application's, only faster.
 */
class JsonReadingMapperTests {

	private static final String PAYMENT = "{\"id\":\"payment-0000000001\",\"amountCents\":2099,\"currency\":\"EUR\"}";

	@Test
	void readsARecordAsTheApplicationsMapperDoes() {
		JsonMapper application = JsonMapper.builder().build();
		JsonMapper reading = JsonReadingMapper.from(application);
		assertThat(reading).isNotSameAs(application);
		assertThat(reading.readValue(PAYMENT, Payment.class)).isEqualTo(application.readValue(PAYMENT, Payment.class))
			.isEqualTo(new Payment("payment-0000000001", 2099, "EUR"));
	}

	@Test
	void callsCreatorsOfSeveralParametersThroughItsOwnInstantiator() {
		JsonMapper application = JsonMapper.builder().build();
		assertThat(application.readValue("{\"a\":\"x\",\"b\":\"y\"}", Traced.class).throughSpreadingInstantiator())
			.isFalse();
		assertThat(JsonReadingMapper.from(application)
			.readValue("{\"a\":\"x\",\"b\":\"y\"}", Traced.class)
			.throughSpreadingInstantiator()).isTrue();
	}

	@Test
	void readsWithCreatorConstructorsAndFactoryMethodsOfSeveralParameters() {
		JsonMapper reading = JsonReadingMapper.from(JsonMapper.builder().build());
		CreatedByConstructor constructed = reading.readValue("{\"name\":\"a\",\"count\":2}", CreatedByConstructor.class);
		assertThat(constructed.name).isEqualTo("a");
		assertThat(constructed.count).isEqualTo(2);
		CreatedByFactory created = reading.readValue("{\"name\":\"b\",\"count\":3}", CreatedByFactory.class);
		assertThat(created.name).isEqualTo("b");
		assertThat(created.count).isEqualTo(3);
	}

	@Test
	void keepsTheApplicationsFeaturesAndModules() {
		SimpleModule module = new SimpleModule().addDeserializer(Currency.class, new CurrencyDeserializer());
		JsonMapper lenient = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(module)
			.build();
		JsonMapper reading = JsonReadingMapper.from(lenient);
		assertThat(reading.readValue("{\"code\":\"ignored\",\"unknown\":1}", Currency.class))
			.isEqualTo(new Currency("EUR"));
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		assertThatExceptionOfType(UnrecognizedPropertyException.class)
			.isThrownBy(() -> JsonReadingMapper.from(strict)
				.readValue("{\"id\":\"p\",\"amountCents\":1,\"currency\":\"EUR\",\"unknown\":1}", Payment.class));
	}

	@Test
	void reportsAFailingCreatorAsTheApplicationsMapperDoes() {
		JsonMapper application = JsonMapper.builder().build();
		String negative = "{\"id\":\"p\",\"amountCents\":-1,\"currency\":\"EUR\"}";
		ValueInstantiationException expected = catchValueInstantiation(application, negative);
		ValueInstantiationException actual = catchValueInstantiation(JsonReadingMapper.from(application), negative);
		assertThat(actual.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
		assertThat(actual.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("negative amount");
	}

	@Test
	void recyclesBuffersPerThreadAndLeavesTheApplicationsMapperAsItWas() {
		JsonMapper application = JsonMapper.builder().build();
		JsonMapper reading = JsonReadingMapper.from(application);
		assertThat(reading.tokenStreamFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
		assertThat(application.tokenStreamFactory()._getRecyclerPool())
			.isNotSameAs(JsonRecyclerPools.threadLocalPool());
	}

	@Test
	void keepsTheBufferPoolOfAJsonFactoryOfItsOwn() {
		JsonMapper application = JsonMapper.builder(new OwnJsonFactory()).build();
		JsonMapper reading = JsonReadingMapper.from(application);
		assertThat(reading.tokenStreamFactory()._getRecyclerPool())
			.isSameAs(application.tokenStreamFactory()._getRecyclerPool());
		assertThat(reading.readValue(PAYMENT, Payment.class)).isEqualTo(new Payment("payment-0000000001", 2099, "EUR"));
	}

	@Test
	void converterReadsHandlerPayloadsWithTheDerivedMapper() {
		CachingJsonMessageConverter converter = new CachingJsonMessageConverter(JsonMapper.builder().build());
		Object payment = converter.fromMessage(MessageBuilder.withPayload(PAYMENT.getBytes()).build(), Payment.class);
		assertThat(payment).isEqualTo(new Payment("payment-0000000001", 2099, "EUR"));
	}

	private static ValueInstantiationException catchValueInstantiation(JsonMapper mapper, String json) {
		try {
			mapper.readValue(json, Payment.class);
		}
		catch (ValueInstantiationException ex) {
			return ex;
		}
		throw new AssertionError("No ValueInstantiationException for " + json);
	}

	record Payment(String id, long amountCents, String currency) {

		Payment {
			if (amountCents < 0) {
				throw new IllegalArgumentException("negative amount");
			}
		}

	}

	record Currency(String code) {
	}

	static final class Traced {

		private final boolean throughSpreadingInstantiator;

		@JsonCreator
		Traced(@JsonProperty("a") String a, @JsonProperty("b") String b) {
			this.throughSpreadingInstantiator = StackWalker.getInstance()
				.walk((frames) -> frames.anyMatch((frame) -> frame.getClassName().endsWith("SpreadingValueInstantiator")));
		}

		boolean throughSpreadingInstantiator() {
			return this.throughSpreadingInstantiator;
		}

	}

	static final class CurrencyDeserializer extends ValueDeserializer<Currency> {

		@Override
		public Currency deserialize(JsonParser parser, DeserializationContext context) {
			parser.skipChildren();
			return new Currency("EUR");
		}

	}

	static final class CreatedByConstructor {

		final String name;

		final int count;

		@JsonCreator
		CreatedByConstructor(@JsonProperty("name") String name, @JsonProperty("count") int count) {
			this.name = name;
			this.count = count;
		}

	}

	static final class CreatedByFactory {

		final String name;

		final int count;

		private CreatedByFactory(String name, int count) {
			this.name = name;
			this.count = count;
		}

		@JsonCreator
		static CreatedByFactory of(@JsonProperty("name") String name, @JsonProperty("count") int count) {
			return new CreatedByFactory(name, count);
		}

	}

	static final class OwnJsonFactory extends JsonFactory {

	}

}
