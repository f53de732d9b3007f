package io.github.natsjetstream.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.natsjetstream.test.NatsOperatorFixture;
import io.github.natsjetstream.test.NatsServer;
import io.github.natsjetstream.test.TestCertificates;
import org.jspecify.annotations.Nullable;

/**
 * The servers and files the bad inputs need, created when first asked for and closed
 * together: the test class's JetStream server, and servers that require a password or an
 * NKey, a token, a {@code .creds} file, or TLS.
 */
final class BadInputServers implements AutoCloseable {

	private final NatsServer jetStream;

	private final Path directory;

	private final List<NatsServer> started = new ArrayList<>();

	private @Nullable NatsServer users;

	private @Nullable NatsServer token;

	private @Nullable NatsServer operator;

	private @Nullable NatsOperatorFixture operatorFixture;

	private @Nullable NatsServer tls;

	private @Nullable NatsServer tlsForAnotherHost;

	private @Nullable TestCertificates certificates;

	private @Nullable TestCertificates anotherHostCertificates;

	BadInputServers(NatsServer jetStream, Path directory) {
		this.jetStream = jetStream;
		this.directory = directory;
	}

	/**
	 * The JetStream server without authentication.
	 */
	NatsServer jetStream() {
		return this.jetStream;
	}

	/**
	 * A server with a user 'alice' (password {@link Secrets#PASSWORD}) and the NKey user
	 * {@link Secrets#USER}.
	 */
	synchronized NatsServer users() {
		if (this.users == null) {
			this.users = start(() -> NatsServer.builder()
				.config("authorization { users = [ { user: alice, password: \"" + Secrets.PASSWORD + "\" }, { nkey: "
						+ Secrets.publicKey(Secrets.USER) + " } ] }")
				.build());
		}
		return this.users;
	}

	/**
	 * A server requiring the token {@link Secrets#TOKEN}.
	 */
	synchronized NatsServer token() {
		if (this.token == null) {
			this.token = start(() -> NatsServer.builder()
				.config("authorization { token: \"" + Secrets.TOKEN + "\" }")
				.build());
		}
		return this.token;
	}

	/**
	 * A server in operator mode, for {@code .creds} files.
	 */
	synchronized NatsServer operator() {
		if (this.operator == null) {
			NatsOperatorFixture fixture = operatorFixture();
			this.operator = start(() -> NatsServer.builder().config(fixture.serverConfig()).build());
		}
		return this.operator;
	}

	synchronized NatsOperatorFixture operatorFixture() {
		if (this.operatorFixture == null) {
			this.operatorFixture = NatsOperatorFixture.create();
		}
		return this.operatorFixture;
	}

	/**
	 * A TLS server whose certificate is for 127.0.0.1 and localhost.
	 */
	synchronized NatsServer tls() {
		if (this.tls == null) {
			TestCertificates certificates = certificates();
			this.tls = start(() -> NatsServer.builder().tls(certificates).build());
		}
		return this.tls;
	}

	/**
	 * A TLS server whose certificate, issued by the same CA, is for another host only.
	 */
	synchronized NatsServer tlsForAnotherHost() {
		if (this.tlsForAnotherHost == null) {
			TestCertificates certificates = anotherHostCertificates();
			this.tlsForAnotherHost = start(() -> NatsServer.builder().tls(certificates).build());
		}
		return this.tlsForAnotherHost;
	}

	/**
	 * The certificates of {@link #tlsForAnotherHost()}.
	 */
	synchronized TestCertificates anotherHostCertificates() {
		if (this.anotherHostCertificates == null) {
			this.anotherHostCertificates = TestCertificates.generate(this.directory.resolve("another-host"),
					"nats.example.org");
		}
		return this.anotherHostCertificates;
	}

	synchronized TestCertificates certificates() {
		if (this.certificates == null) {
			this.certificates = TestCertificates.generate(this.directory.resolve("tls"));
		}
		return this.certificates;
	}

	/**
	 * Write a file.
	 * @param name the file name
	 * @param content the content
	 * @return the path
	 */
	Path file(String name, String content) {
		try {
			return Files.writeString(this.directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a path where no file is.
	 */
	Path missingFile(String name) {
		return this.directory.resolve("missing").resolve(name);
	}

	private NatsServer start(Supplier<NatsServer> server) {
		NatsServer started = server.get().start();
		this.started.add(started);
		return started;
	}

	@Override
	public synchronized void close() {
		this.started.forEach(NatsServer::close);
		this.started.clear();
	}

}
