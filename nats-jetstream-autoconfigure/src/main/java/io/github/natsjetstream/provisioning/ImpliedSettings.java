package io.github.natsjetstream.provisioning;

import java.util.Map;
import java.util.Set;

import io.nats.client.api.StreamConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Rejects stream declarations that contradict what the server turns on by itself:
 * subject delete markers turn on per-message TTLs and roll-ups (and so purging), message
 * schedules turn on roll-ups. A contradicting declaration would be changed back by the
 * server at every update, and so differ at every start.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ImpliedSettings {

	private ImpliedSettings() {
	}

	/**
	 * Check the declared settings of a stream.
	 * @param configuration the declared configuration
	 * @param declaredFields the declared fields
	 * @param settings the name of the setting of each declared field
	 * @throws IllegalArgumentException if a declared setting contradicts another
	 */
	static void check(StreamConfiguration configuration, Set<String> declaredFields, Map<String, String> settings) {
		String cause = cause(configuration);
		if (cause == null) {
			return;
		}
		String causeSetting = settings.get(cause);
		if (cause.equals(StreamFields.SUBJECT_DELETE_MARKER_TTL)) {
			refuse(declaredFields.contains(StreamFields.ALLOW_MSG_TTL) && !configuration.getAllowMessageTtl(),
					settings.get(StreamFields.ALLOW_MSG_TTL), "false", causeSetting, "per-message TTLs");
		}
		refuse(declaredFields.contains(StreamFields.ALLOW_ROLLUP) && !configuration.getAllowRollup(),
				settings.get(StreamFields.ALLOW_ROLLUP), "false", causeSetting, "roll-ups");
		refuse(declaredFields.contains(StreamFields.DENY_PURGE) && configuration.getDenyPurge(),
				settings.get(StreamFields.DENY_PURGE), "true", causeSetting, "roll-ups (and so purging)");
	}

	private static @Nullable String cause(StreamConfiguration configuration) {
		if (configuration.getSubjectDeleteMarkerTtl() != null) {
			return StreamFields.SUBJECT_DELETE_MARKER_TTL;
		}
		return configuration.getAllowMsgSchedules() ? StreamFields.ALLOW_MSG_SCHEDULES : null;
	}

	private static void refuse(boolean contradicts, String setting, String value, String cause, String what) {
		Assert.isTrue(!contradicts, () -> "'" + setting + "' " + value + " contradicts '" + cause
				+ "', for which the server turns on " + what + ". Leave '" + setting + "' unset.");
	}

}
