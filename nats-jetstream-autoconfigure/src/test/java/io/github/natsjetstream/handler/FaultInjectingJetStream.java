package io.github.natsjetstream.handler;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import org.jspecify.annotations.Nullable;

/**
 * A real {@link JetStream} context with faults injected into what the handler containers
 * use of it: the next pulls can throw, as jnats does on a closed connection or an invalid
 * subscription, and the next acknowledgements can throw, also of the messages that come
 * to parked workers through a dispatcher of the real {@link Connection}; and a real
 * {@link JetStreamManagement} context whose consumer-info requests can be held, as a slow
 * server would. Every other call reaches the real client.
 */
final class FaultInjectingJetStream {

	final AtomicInteger failingPulls = new AtomicInteger();

	final AtomicInteger failingAcks = new AtomicInteger();

	final AtomicInteger subscriptions = new AtomicInteger();

	final AtomicInteger heldConsumerInfos = new AtomicInteger();

	volatile @Nullable CountDownLatch consumerInfoGate;

	JetStreamManagement wrap(JetStreamManagement management) {
		return proxy(JetStreamManagement.class, management, (target, method, args) -> {
			CountDownLatch gate = this.consumerInfoGate;
			if (method.getName().equals("getConsumerInfo") && gate != null) {
				this.heldConsumerInfos.incrementAndGet();
				gate.await();
			}
			return invoke(target, method, args);
		});
	}

	Connection wrap(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			Object result = invoke(target, method, args);
			return (result instanceof Dispatcher dispatcher) ? dispatcher(dispatcher) : result;
		});
	}

	private Dispatcher dispatcher(Dispatcher dispatcher) {
		return proxy(Dispatcher.class, dispatcher, (target, method, args) -> {
			if (args != null && args.length == 2 && args[1] instanceof MessageHandler handler) {
				MessageHandler faulty = (message) -> handler.onMessage(message(message));
				return invoke(target, method, new Object[] { args[0], faulty });
			}
			return invoke(target, method, args);
		});
	}

	JetStream wrap(JetStream jetStream) {
		return proxy(JetStream.class, jetStream, (target, method, args) -> {
			Object result = invoke(target, method, args);
			if (result instanceof JetStreamSubscription subscription) {
				this.subscriptions.incrementAndGet();
				return subscription(subscription);
			}
			return result;
		});
	}

	private JetStreamSubscription subscription(JetStreamSubscription subscription) {
		return proxy(JetStreamSubscription.class, subscription, (target, method, args) -> {
			if (method.getName().equals("pull") && this.failingPulls.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("Injected fault: the subscription is no longer valid");
			}
			Object result = invoke(target, method, args);
			return (result instanceof Message message) ? message(message) : result;
		});
	}

	private Message message(Message message) {
		return proxy(Message.class, message, (target, method, args) -> {
			if (method.getName().equals("ack") && this.failingAcks.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("Injected fault: could not publish the acknowledgement");
			}
			return invoke(target, method, args);
		});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Interception interception) {
		InvocationHandler handler = (proxy, method, args) -> interception.invoke(target, method, args);
		return (T) Proxy.newProxyInstance(FaultInjectingJetStream.class.getClassLoader(), new Class<?>[] { type },
				handler);
	}

	@FunctionalInterface
	private interface Interception {

		Object invoke(Object target, Method method, Object[] args) throws Throwable;

	}

}
