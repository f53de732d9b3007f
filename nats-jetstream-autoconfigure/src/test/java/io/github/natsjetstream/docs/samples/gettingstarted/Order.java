package io.github.natsjetstream.docs.samples.gettingstarted;

import java.math.BigDecimal;

public record Order(String id, String customer, BigDecimal amount) {

}
