package vn.gov.portal.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before a {@link PortalTest} class that starts an application of its own, stops the shared one
 * (see {@link SharedApplicationExtension}). Registered on PortalTest, so it runs before the
 * class's own {@code @MicronautTest} extension starts its application.
 */
public final class OwnApplicationStopsTheShared implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext extension) {
        if (extension.getRequiredTestClass().getAnnotation(SharedApplication.class) == null) {
            SharedApplicationExtension.stop(extension);
        }
    }
}
