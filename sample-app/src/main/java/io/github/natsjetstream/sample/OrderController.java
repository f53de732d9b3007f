package io.github.natsjetstream.sample;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /orders} places an order and answers {@code 202 Accepted} with its id: the
 * order is in the stream, and handlers will take it from there.
 * {@code GET /orders/{id}} answers its status from the key-value bucket, {@code 404}
 * until a handler has seen it.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	private final Orders orders;

	private final OrderStatusStore statuses;

	OrderController(Orders orders, OrderStatusStore statuses) {
		this.orders = orders;
		this.statuses = statuses;
	}

	@PostMapping
	ResponseEntity<Order> place(@RequestBody NewOrder newOrder) {
		if (newOrder.customer() == null || newOrder.customer().isBlank() || newOrder.amount() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "An order needs a customer and an amount");
		}
		Order order = this.orders.place(newOrder);
		return ResponseEntity.accepted().location(URI.create("/orders/" + order.id())).body(order);
	}

	@GetMapping("/{id}")
	ResponseEntity<OrderStatus> status(@PathVariable String id) throws IOException {
		return ResponseEntity.of(this.statuses.find(id));
	}

}
