package io.github.natsjetstream.listener.adapter;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.Version;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.MapperBuilderState;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives, from the application's {@link JsonMapper}, the mapper that handler payloads
 * are read with: the same configuration and modules (Jackson's {@link JsonMapper#rebuild()
 * rebuild}), so that a payload reads as the application reads it anywhere else, with two
 * changes that alter how fast it reads and nothing of what it reads:
 * <ul>
 * <li>Buffers are recycled per thread. Jackson 3's default pool of buffers is a
 * concurrent deque shared by all threads, which costs an acquire and a release with
 * atomic operations and a node allocation per payload; the handler workers are few and
 * long-lived, the case the thread-local pool is made for. Only for a plain
 * {@link JsonFactory}: a subclass keeps its own pool.</li>
 * <li>Creators of several parameters (records, {@code @JsonCreator} constructors and
 * factory methods) are called through a method handle that spreads the argument array,
 * made once per type. Jackson 3 calls them with
 * {@link MethodHandle#invokeWithArguments(Object...)}, which builds that spreader again
 * for every value read: a quarter of the time to read a small record. The call is the
 * same call, with the same arguments, and its failures are reported as Jackson reports
 * them. Only for Jackson's own {@link StdValueInstantiator}: a module's instantiator is
 * left alone.</li>
 * </ul>
 * If the application's mapper cannot be derived (an unexpected Jackson version, say),
 * payloads are read with it as it is.
 *
 * @author NATS JetStream Spring Boot Starter contributors
 */
final class JsonReadingMapper {

	private static final Log logger = LogFactory.getLog(JsonReadingMapper.class);

	private JsonReadingMapper() {
	}

	/**
	 * Return the mapper to read handler payloads with.
	 * @param mapper the application's mapper
	 * @return the derived mapper, or the application's own when it cannot be derived
	 */
	static JsonMapper from(JsonMapper mapper) {
		try {
			JsonMapper.Builder builder = ReadingBuilder.of(mapper);
			return (builder != null) ? builder.addModule(new SpreadingCreatorsModule()).build() : mapper;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Reading handler payloads with the application's JsonMapper as it is", ex);
			return mapper;
		}
	}

	/**
	 * A builder from the application's mapper's state, with buffers recycled per thread.
	 */
	private static final class ReadingBuilder extends JsonMapper.Builder {

		/**
		 * Return a builder with the state the mapper was built from, or {@code null} if
		 * that is not a JSON mapper's state.
		 */
		static JsonMapper.@Nullable Builder of(JsonMapper mapper) {
			MapperBuilderState state = mapper.rebuild().saveStateApplyModules();
			return (state instanceof StateImpl jsonState) ? new ReadingBuilder(jsonState) : null;
		}

		private ReadingBuilder(StateImpl state) {
			super(state);
			TokenStreamFactory factory = this._streamFactory;
			if (factory != null && factory.getClass() == JsonFactory.class) {
				this._streamFactory = ((JsonFactory) factory).rebuild()
					.recyclerPool(JsonRecyclerPools.threadLocalPool())
					.build();
			}
		}

	}

	/**
	 * Calls creators of several parameters through a spreading method handle.
	 */
	private static final class SpreadingCreatorsModule extends JacksonModule {

		@Override
		public String getModuleName() {
			return "nats-jetstream-spreading-creators";
		}

		@Override
		public Version version() {
			return Version.unknownVersion();
		}

		@Override
		public void setupModule(SetupContext context) {
			context.addValueInstantiators(new SpreadingCreators());
		}

	}

	private static final class SpreadingCreators implements ValueInstantiators {

		@Override
		public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier beanDescription) {
			return null;
		}

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier beanDescription, ValueInstantiator instantiator) {
			if (instantiator.getClass() != StdValueInstantiator.class) {
				return instantiator;
			}
			StdValueInstantiator standard = (StdValueInstantiator) instantiator;
			MethodHandle creator = spreader(standard.getWithArgsCreator());
			return (creator != null) ? new SpreadingValueInstantiator(standard, creator) : instantiator;
		}

		/**
		 * Return a handle taking the argument array of a creator of several parameters,
		 * or {@code null} where Jackson's own call is as fast (fewer parameters) or the
		 * creator cannot be called from here (it is not accessible: Jackson made it
		 * accessible if its configuration lets it).
		 */
		private static @Nullable MethodHandle spreader(@Nullable AnnotatedWithParams creator) {
			if (creator == null || creator.getParameterCount() < 2) {
				return null;
			}
			try {
				MethodHandles.Lookup lookup = MethodHandles.lookup();
				MethodHandle handle;
				if (creator.getMember() instanceof Constructor<?> constructor) {
					handle = lookup.unreflectConstructor(constructor);
				}
				else if (creator.getMember() instanceof Method method && Modifier.isStatic(method.getModifiers())) {
					handle = lookup.unreflect(method);
				}
				else {
					return null;
				}
				return handle.asSpreader(Object[].class, creator.getParameterCount())
					.asType(MethodType.methodType(Object.class, Object[].class));
			}
			catch (IllegalAccessException | RuntimeException ex) {
				return null;
			}
		}

	}

	/**
	 * Jackson's instantiator, calling its creator through the spreading handle.
	 */
	private static final class SpreadingValueInstantiator extends StdValueInstantiator {

		private final MethodHandle creator;

		SpreadingValueInstantiator(StdValueInstantiator instantiator, MethodHandle creator) {
			super(instantiator);
			this.creator = creator;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
			try {
				return (Object) this.creator.invokeExact(args);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				return context.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(context, ex));
			}
		}

	}

}
