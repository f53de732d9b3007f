package io.github.natsjetstream.actuate;

import io.github.natsjetstream.retry.ReplayResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link NatsEndpoint}, with
 * its sub-paths:
 * <ul>
 * <li>{@code GET handlers}: every handler; {@code GET handlers/{id}}: one handler;</li>
 * <li>{@code POST handlers/{id}} with {@code {"state": "paused"}} or
 * {@code {"state": "running"}}: pause or resume a handler;</li>
 * <li>{@code GET dead-letters}: the dead letters by subject and reason;
 * {@code POST dead-letters} with optional {@code consumer}, {@code fromSequence} and
 * {@code toSequence}: replay them.</li>
 * </ul>
 * An unknown handler or path is {@code 404}, an unknown state {@code 400}.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@EndpointWebExtension(endpoint = NatsEndpoint.class)
public class NatsEndpointWebExtension {

	static final String HANDLERS = "handlers";

	static final String DEAD_LETTERS = "dead-letters";

	private final NatsEndpoint delegate;

	/**
	 * Create a new extension.
	 * @param delegate the endpoint
	 */
	public NatsEndpointWebExtension(NatsEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Describe every handler, or count the dead letters.
	 * @param section {@code handlers} or {@code dead-letters}
	 * @return the handlers or the dead letters
	 */
	@ReadOperation
	public WebEndpointResponse<Object> section(@Selector String section) {
		return switch (section) {
			case HANDLERS -> new WebEndpointResponse<>(this.delegate.handlers());
			case DEAD_LETTERS -> new WebEndpointResponse<>(this.delegate.deadLetters());
			default -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		};
	}

	/**
	 * Describe one handler.
	 * @param handlers path segment {@code handlers}
	 * @param id the handler id
	 * @return the handler
	 */
	@ReadOperation
	public WebEndpointResponse<NatsEndpoint.HandlerDescriptor> handler(@Selector String handlers,
			@Selector String id) {
		if (!HANDLERS.equals(handlers)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return orNotFound(this.delegate.handler(id));
	}

	/**
	 * Pause or resume a handler.
	 * @param handlers path segment {@code handlers}
	 * @param id the handler id
	 * @param state {@code paused} or {@code running}
	 * @return the handler once changed
	 */
	@WriteOperation
	public WebEndpointResponse<NatsEndpoint.HandlerDescriptor> changeHandlerState(@Selector String handlers,
			@Selector String id, String state) {
		if (!HANDLERS.equals(handlers)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		try {
			return orNotFound(this.delegate.changeHandlerState(id, state));
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	/**
	 * Replay dead letters to their original subjects.
	 * @param deadLetters path segment {@code dead-letters}
	 * @param consumer only those of this durable consumer
	 * @param fromSequence from this dead-letter sequence
	 * @param toSequence up to this dead-letter sequence
	 * @return what was replayed
	 */
	@WriteOperation
	public WebEndpointResponse<ReplayResult> replayDeadLetters(@Selector String deadLetters,
			@Nullable String consumer, @Nullable Long fromSequence, @Nullable Long toSequence) {
		if (!DEAD_LETTERS.equals(deadLetters)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(this.delegate.replayDeadLetters(consumer, fromSequence, toSequence));
	}

	private static <T> WebEndpointResponse<T> orNotFound(@Nullable T body) {
		return (body != null) ? new WebEndpointResponse<>(body)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
