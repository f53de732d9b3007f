package io.github.natsjetstream.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows between the library's packages, stated once. A handler declaration flows
 * {@code annotation -> config -> listener -> listener.adapter}: the annotation package
 * builds endpoints ({@code config}) and registers them with the registry
 * ({@code listener}), whose containers invoke handlers through {@code listener.adapter}.
 * In imports that means every layer may use the ones below it and none above:
 * {@code autoconfigure > annotation > listener > listener.adapter > config}, with
 * {@code routing}, {@code retry} and {@code provisioning} below them all. The operating
 * surfaces ({@code health}, {@code actuate}, {@code metrics}) read the handlers and sit beside
 * {@code annotation}: only the auto-configuration uses them.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
class PackageDependencyTests {

	private static final String ROOT = "io.github.natsjetstream";

	private static final JavaClasses LIBRARY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void packagesHaveNoCycles() {
		slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(LIBRARY);
	}

	@Test
	void handlerLayersOnlyUseTheLayersBelowThem() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("autoconfigure")
			.definedBy(ROOT + ".autoconfigure..")
			.layer("annotation")
			.definedBy(ROOT + ".annotation..")
			.layer("operations")
			.definedBy(ROOT + ".health..", ROOT + ".actuate..", ROOT + ".metrics..")
			.layer("listener")
			.definedBy(ROOT + ".listener")
			.layer("adapter")
			.definedBy(ROOT + ".listener.adapter..")
			.layer("config")
			.definedBy(ROOT + ".config..")
			.layer("foundation")
			.definedBy(ROOT + ".routing..", ROOT + ".retry..", ROOT + ".provisioning..")
			.whereLayer("autoconfigure")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("annotation")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("operations")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("listener")
			.mayOnlyBeAccessedByLayers("autoconfigure", "annotation", "operations")
			.whereLayer("adapter")
			.mayOnlyBeAccessedByLayers("autoconfigure", "annotation", "listener")
			.whereLayer("config")
			.mayOnlyBeAccessedByLayers("autoconfigure", "annotation", "operations", "listener", "adapter")
			.check(LIBRARY);
	}

	@Test
	void routingAndRetryDependOnNoHandlerInfrastructure() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".routing..", ROOT + ".retry..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".listener..", ROOT + ".annotation..", ROOT + ".config..",
					ROOT + ".autoconfigure..")
			.check(LIBRARY);
	}

	/**
	 * The connection-details factories for Docker Compose and Testcontainers are
	 * auto-configuration too (Spring Boot loads them from {@code spring.factories}) and,
	 * like Spring Boot's own, make the auto-configuration's {@code NatsConnectionDetails}.
	 */
	@Test
	void nothingOutsideTheAutoConfigurationDependsOnIt() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".autoconfigure..", ROOT + ".docker.compose..", ROOT + ".testcontainers..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".autoconfigure..")
			.check(LIBRARY);
	}

}
