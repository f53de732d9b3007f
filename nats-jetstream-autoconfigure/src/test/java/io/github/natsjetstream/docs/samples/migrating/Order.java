package io.github.natsjetstream.docs.samples.migrating;

import java.math.BigDecimal;

record Order(String id, String customer, BigDecimal amount) {

}
