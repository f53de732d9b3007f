package io.github.natsjetstream.docs.samples.migrating;

class InvalidOrderException extends RuntimeException {

	InvalidOrderException(String message) {
		super(message);
	}

}
