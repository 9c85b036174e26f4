package vn.gov.portal.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the {@link SharedApplication} classes first (in name order), then the classes
 * with an application of their own, so that the shared application can stop before those start
 * (junit-platform.properties names this orderer).
 */
public final class SharedApplicationsFirst implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        var classes = context.getClassDescriptors();
        classes.sort(Comparator.comparing((ClassDescriptor d) -> !shared(d))
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static boolean shared(ClassDescriptor d) {
        return d.findAnnotation(SharedApplication.class).isPresent();
    }
}
