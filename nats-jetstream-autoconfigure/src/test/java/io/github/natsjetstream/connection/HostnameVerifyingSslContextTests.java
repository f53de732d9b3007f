package io.github.natsjetstream.connection;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostnameVerifyingSslContextTests {

	@Test
	void socketsToAHostNameVerifyThatName() throws Exception {
		SSLParameters parameters = layeredSocketParameters("localhost", "nats.example.org");
		assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
		assertThat(serverNames(parameters)).doesNotContain(new SNIHostName("nats.example.org"));
	}

	@Test
	void socketsToAnIpAddressAlsoAcceptTheConfiguredHostName() throws Exception {
		SSLParameters parameters = layeredSocketParameters("127.0.0.1", "nats.example.org");
		assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
		assertThat(serverNames(parameters)).containsExactly(new SNIHostName("nats.example.org"));
	}

	@Test
	void socketsToAnIpAddressWithoutConfiguredHostNameVerifyTheAddress() throws Exception {
		SSLParameters parameters = layeredSocketParameters("127.0.0.1", null);
		assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
		assertThat(serverNames(parameters)).isEmpty();
	}

	@Test
	void ipAddressesAreToldFromHostNames() {
		assertThat(List.of("127.0.0.1", "10.1.2.3", "::1", "fe80::1")).allMatch(HostnameVerifyingSslContext::isIpAddress);
		assertThat(List.of("localhost", "nats.example.org", "n1")).noneMatch(HostnameVerifyingSslContext::isIpAddress);
	}

	private static List<SNIServerName> serverNames(SSLParameters parameters) {
		return (parameters.getServerNames() != null) ? parameters.getServerNames() : List.of();
	}

	private static SSLParameters layeredSocketParameters(String host, String configuredHostName) throws Exception {
		SSLContext context = new HostnameVerifyingSslContext(SSLContext.getDefault(), configuredHostName);
		try (ServerSocket server = new ServerSocket(0); Socket plain = new Socket("127.0.0.1", server.getLocalPort())) {
			try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
				.createSocket(plain, host, server.getLocalPort(), false)) {
				return socket.getSSLParameters();
			}
		}
	}

}
