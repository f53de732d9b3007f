package io.github.natsjetstream.sample;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AccountStatistics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Reports, once started, where the application is connected and what its JetStream
 * account holds.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@Component
class JetStreamStatusReporter implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(JetStreamStatusReporter.class);

	private final Connection connection;

	private final JetStreamManagement jetStreamManagement;

	JetStreamStatusReporter(Connection connection, JetStreamManagement jetStreamManagement) {
		this.connection = connection;
		this.jetStreamManagement = jetStreamManagement;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		AccountStatistics statistics = this.jetStreamManagement.getAccountStatistics();
		logger.info("Connected to " + this.connection.getServerInfo().getServerName() + " (nats-server "
				+ this.connection.getServerInfo().getVersion() + "); JetStream account holds "
				+ statistics.getStreams() + " stream(s) and " + statistics.getConsumers() + " consumer(s)");
	}

}
