package io.github.natsjetstream.docs.samples.publishing;

record Order(String id, String customer) {

}
