package io.github.natsjetstream.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds TCP ports on the loopback interface that are free right now.
 */
final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Asks the operating system for a currently unused loopback port.
	 * @return a free port number
	 */
	static int next() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free TCP port", ex);
		}
	}

}
