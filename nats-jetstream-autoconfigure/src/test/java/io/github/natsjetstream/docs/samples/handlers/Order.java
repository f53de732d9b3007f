package io.github.natsjetstream.docs.samples.handlers;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;

record Order(@NotBlank String id, String customer, BigDecimal amount) {

}
