package io.github.natsjetstream.badinput;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Remembers the last failure analysis Spring Boot reported, so that a test can assert on
 * the Description and Action a user would read under "APPLICATION FAILED TO START".
 * Registered in the tests' {@code META-INF/spring.factories}, next to Spring Boot's own
 * reporter, which still logs the report.
 */
public class RecordingFailureAnalysisReporter implements FailureAnalysisReporter {

	private static final AtomicReference<@Nullable FailureAnalysis> last = new AtomicReference<>();

	@Override
	public void report(FailureAnalysis analysis) {
		last.set(analysis);
	}

	/**
	 * Forget the last analysis.
	 */
	static void reset() {
		last.set(null);
	}

	/**
	 * Return the last analysis reported since {@link #reset()}.
	 * @return the analysis, or {@code null} when none was reported
	 */
	static @Nullable FailureAnalysis last() {
		return last.get();
	}

}
