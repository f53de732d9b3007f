package io.github.natsjetstream.docs.samples.handlers;

record OrderEvent(String orderId, String type) {

}
