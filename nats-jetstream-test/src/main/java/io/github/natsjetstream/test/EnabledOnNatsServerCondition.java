package io.github.natsjetstream.test;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link EnabledOnNatsServer} against the version of the {@code nats-server} that the
 * tests run.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class EnabledOnNatsServerCondition implements ExecutionCondition {

	private final Supplier<Path> binary;

	EnabledOnNatsServerCondition() {
		this(NatsServerBinary::locate);
	}

	EnabledOnNatsServerCondition(Supplier<Path> binary) {
		this.binary = binary;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<EnabledOnNatsServer> annotation = AnnotationSupport.findAnnotation(context.getElement(),
				EnabledOnNatsServer.class);
		if (annotation.isEmpty()) {
			return ConditionEvaluationResult.enabled("@EnabledOnNatsServer is not present");
		}
		Path running = this.binary.get();
		return evaluate(annotation.get(), NatsServerBinary.version(running), running);
	}

	/**
	 * Decides whether tests annotated with the given annotation run on the given server.
	 * @param annotation the annotation
	 * @param version the version of the server the tests run
	 * @param binary the server's executable, for the reason
	 * @return the result, with a reason naming both versions
	 */
	static ConditionEvaluationResult evaluate(EnabledOnNatsServer annotation, NatsServerVersion version,
			Path binary) {
		String atLeast = annotation.atLeast().trim();
		String below = annotation.below().trim();
		if (atLeast.isEmpty() && below.isEmpty()) {
			throw new ExtensionConfigurationException("@EnabledOnNatsServer needs atLeast, below or both");
		}
		String running = "the tests run nats-server " + version + " (" + binary + ")";
		String why = annotation.reason().isBlank() ? "" : ": " + annotation.reason().trim();
		if (!atLeast.isEmpty() && version.isBelow(atLeast)) {
			return ConditionEvaluationResult.disabled("Needs nats-server " + atLeast + " or later but " + running + why);
		}
		if (!below.isEmpty() && version.isAtLeast(below)) {
			return ConditionEvaluationResult.disabled("About nats-server before " + below + " but " + running + why);
		}
		return ConditionEvaluationResult.enabled(running);
	}

}
