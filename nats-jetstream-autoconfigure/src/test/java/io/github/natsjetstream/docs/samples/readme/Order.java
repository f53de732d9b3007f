package io.github.natsjetstream.docs.samples.readme;

import java.math.BigDecimal;

record Order(String id, String customer, BigDecimal amount) {

}
