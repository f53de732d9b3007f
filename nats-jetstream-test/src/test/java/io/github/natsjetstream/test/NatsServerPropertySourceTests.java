package io.github.natsjetstream.test;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(NatsServerPropertySourceTests.EmptyConfiguration.class)
class NatsServerPropertySourceTests {

	@RegisterExtension
	static final NatsServerExtension nats = NatsServerExtension.create((builder) -> builder.jetStream(false));

	@DynamicPropertySource
	static void natsProperties(DynamicPropertyRegistry registry) {
		NatsServerPropertySource.registerProperties(registry, nats);
	}

	@Value("${nats.servers}")
	String servers;

	@Test
	void springContextSeesTheUrlOfTheRunningServer() {
		assertThat(this.servers).isEqualTo(nats.url()).startsWith("nats://127.0.0.1:");
	}

	@Test
	void onlyThePropertySourceDependsOnSpring() {
		for (Class<?> type : List.of(NatsServer.class, NatsServer.Builder.class, NatsCluster.class,
				NatsServerExtension.class, NatsClusterExtension.class, TestCertificates.class,
				NatsOperatorFixture.class, NatsServerBinary.class, LocalNatsServer.class)) {
			assertThat(signatureTypes(type)).as(type.getName())
				.noneMatch((signatureType) -> signatureType.getName().startsWith("org.springframework"))
				.noneMatch((signatureType) -> signatureType.getName().startsWith("org.testcontainers"));
		}
	}

	private static List<Class<?>> signatureTypes(Class<?> type) {
		List<Class<?>> types = new ArrayList<>();
		List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
		executables.addAll(Arrays.asList(type.getDeclaredConstructors()));
		for (Executable executable : executables) {
			types.addAll(Arrays.asList(executable.getParameterTypes()));
			if (executable instanceof Method method) {
				types.add(method.getReturnType());
			}
		}
		for (Field field : type.getDeclaredFields()) {
			types.add(field.getType());
		}
		return types;
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
