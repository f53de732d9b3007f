package io.github.natsjetstream.provisioning;

import java.io.IOException;

import io.github.natsjetstream.support.NatsJetStreamException;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.AbstractLazyCreationTargetSource;
import org.springframework.util.Assert;

/**
 * Creates {@link KeyValue} handles for provisioned buckets that can be injected before
 * provisioning has run: jnats reads the bucket when a handle is created, so the handle
 * is created on first use, after provisioning (which the first use runs if it has not
 * run yet).
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
public class ProvisionedKeyValueFactory {

	private final Connection connection;

	private final KeyValueOptions options;

	private final JetStreamProvisioner provisioner;

	/**
	 * Create a new instance.
	 * @param connection the connection
	 * @param options the key-value options (JetStream domain or prefix)
	 * @param provisioner the provisioner that provisions the buckets
	 */
	public ProvisionedKeyValueFactory(Connection connection, KeyValueOptions options,
			JetStreamProvisioner provisioner) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(provisioner, "'provisioner' must not be null");
		this.connection = connection;
		this.options = options;
		this.provisioner = provisioner;
	}

	/**
	 * Return a handle to the given bucket that binds to the bucket on first use.
	 * @param bucket the name of the bucket
	 * @return the handle
	 */
	public KeyValue create(String bucket) {
		Assert.hasText(bucket, "'bucket' must not be empty");
		return ProxyFactory.getProxy(KeyValue.class, new KeyValueTargetSource(bucket));
	}

	private final class KeyValueTargetSource extends AbstractLazyCreationTargetSource {

		private final String bucket;

		KeyValueTargetSource(String bucket) {
			this.bucket = bucket;
		}

		@Override
		public Class<?> getTargetClass() {
			return KeyValue.class;
		}

		@Override
		protected Object createObject() {
			ProvisionedKeyValueFactory.this.provisioner.provision();
			try {
				return ProvisionedKeyValueFactory.this.connection.keyValue(this.bucket,
						ProvisionedKeyValueFactory.this.options);
			}
			catch (IOException ex) {
				throw new NatsJetStreamException("Unable to bind to key-value bucket '" + this.bucket + "'", ex);
			}
		}

	}

}
