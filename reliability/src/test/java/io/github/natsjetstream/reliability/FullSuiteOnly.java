package io.github.natsjetstream.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A scenario too long for {@code ./mvnw verify}: it runs in the full suite only
 * ({@code ./mvnw -B -P reliability -pl reliability -am verify}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = Suite.PROPERTY, matches = "full",
		disabledReason = "part of the full fault suite: ./mvnw -B -P reliability -pl reliability -am verify")
@interface FullSuiteOnly {

}
