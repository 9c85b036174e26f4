package vn.gov.portal.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts the application once for every {@link SharedApplication} class of the run and injects
 * each test instance's {@code @Inject} and {@code @Value} fields from it.
 *
 * <p>{@link SharedApplicationsFirst} runs those classes before the ones with an application of
 * their own, and the shared one stops when the first of those starts ({@link #stop}, called
 * from {@link PortalTest}): its scheduled jobs (one-node jobs, the mail sender) must not run
 * beside an application that a later test expects to do that work, on a clock it moves.
 */
public final class SharedApplicationExtension implements TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedApplicationExtension.class);

    /** The running application, closed before the first class with its own application or with the run. */
    // Both: JUnit 5.13 closes AutoCloseable values and warns about CloseableResource alone.
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final ApplicationContext context;

        Running() {
            context = ApplicationContext.builder()
                    .environments(Environment.TEST)
                    .properties(new HashMap<String, Object>(TestDatabase.get().properties()))
                    .start();
            context.getBean(EmbeddedServer.class).start();
        }

        @Override
        public void close() {
            if (context.isRunning()) {
                context.close();
            }
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext extension) throws IllegalAccessException {
        Running running = extension.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class);
        if (!running.context.isRunning()) {
            throw new IllegalStateException("The shared application already stopped: "
                    + "a @SharedApplication class ran after the classes with their own (see SharedApplicationsFirst)");
        }
        for (Class<?> c = testInstance.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Value value = field.getAnnotation(Value.class);
                if (field.isAnnotationPresent(Inject.class)) {
                    field.setAccessible(true);
                    field.set(testInstance, running.context.getBean(field.getType()));
                } else if (value != null) {
                    Environment environment = running.context.getEnvironment();
                    String resolved = environment.getPlaceholderResolver().resolveRequiredPlaceholders(value.value());
                    field.setAccessible(true);
                    field.set(testInstance, environment.convertRequired(resolved, field.getType()));
                }
            }
        }
    }

    /** Stops the shared application, if it runs: a class with an application of its own starts. */
    static void stop(ExtensionContext extension) {
        Running running = extension.getRoot().getStore(NAMESPACE).get(Running.class, Running.class);
        if (running != null) {
            running.close();
        }
    }
}
