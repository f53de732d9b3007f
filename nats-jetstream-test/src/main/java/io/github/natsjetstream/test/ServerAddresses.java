package io.github.natsjetstream.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.nats.client.support.NatsUri;
import org.jspecify.annotations.Nullable;

/**
 * The host and port of each server URL an application is configured with, without the
 * credentials a URL may hold, and whether anything listens there.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class ServerAddresses {

	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	private final List<InetSocketAddress> addresses;

	private ServerAddresses(List<InetSocketAddress> addresses) {
		this.addresses = addresses;
	}

	/**
	 * Reads the addresses of server URLs such as {@code nats://user:secret@host:4222},
	 * {@code tls://host} or {@code host:4222}.
	 * @param urls the URLs
	 * @return their addresses
	 * @throws IllegalArgumentException if a URL cannot be read; the message names it
	 * without its credentials
	 */
	static ServerAddresses of(List<String> urls) {
		List<InetSocketAddress> addresses = new ArrayList<>();
		for (String url : urls) {
			try {
				NatsUri uri = new NatsUri(url.trim());
				addresses.add(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
			}
			catch (URISyntaxException | RuntimeException ex) {
				throw new IllegalArgumentException("Invalid NATS server URL '" + withoutCredentials(url) + "'", ex);
			}
		}
		return new ServerAddresses(List.copyOf(addresses));
	}

	/**
	 * Tells whether a server accepts TCP connections at one of the addresses.
	 * @return {@code true} when one of them is reachable
	 */
	boolean anyReachable() {
		return this.addresses.stream().anyMatch(ServerAddresses::isReachable);
	}

	/**
	 * The port to start a local server on: that of the only address when it names this
	 * machine and the port is free, so that tools configured for it find the local server;
	 * otherwise {@code 0}, for a free port.
	 * @return the port, or {@code 0}
	 */
	int localPort() {
		if (this.addresses.size() != 1) {
			return 0;
		}
		InetSocketAddress address = this.addresses.get(0);
		return (isLoopback(address.getHostString()) && isFree(address.getPort())) ? address.getPort() : 0;
	}

	/**
	 * The addresses as {@code host:port}, for messages.
	 * @return the addresses, comma-separated
	 */
	@Override
	public String toString() {
		return String.join(", ",
				this.addresses.stream().map((address) -> address.getHostString() + ":" + address.getPort()).toList());
	}

	private static boolean isReachable(InetSocketAddress address) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(NatsServer.LOOPBACK, port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String withoutCredentials(@Nullable String url) {
		if (url == null) {
			return "null";
		}
		int at = url.lastIndexOf('@');
		if (at < 0) {
			return url;
		}
		int scheme = url.indexOf("://");
		return ((scheme >= 0 && scheme < at) ? url.substring(0, scheme + 3) : "") + "***@" + url.substring(at + 1);
	}

}
