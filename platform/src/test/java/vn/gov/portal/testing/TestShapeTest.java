package vn.gov.portal.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of a test class (docs/architecture.md): it gets an application one way or
 * the other, and the fast subset ({@code ops/test --fast}) leaves out exactly the browser and
 * several-node tests because they carry their tag.
 */
class TestShapeTest {
    private static final JavaClasses TESTS = importTests();

    /**
     * The test classes alone: what they depend on is known by name, which is all these rules read,
     * and resolving it from the class path (Playwright, Micronaut…) took over a minute.
     */
    private static JavaClasses importTests() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                    .importPackages("vn.gov.portal");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    static List<ArchRule> rules() {
        return List.of(portalTestsHaveAnApplication, browserTestsAreTagged, severalNodeTestsAreTagged);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(TESTS);
    }

    /** Without one of the two annotations nothing fills the {@code @Inject} fields. */
    static final ArchRule portalTestsHaveAnApplication = classes()
            .that().areAssignableTo(PortalTest.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should().beAnnotatedWith(SharedApplication.class).orShould().beAnnotatedWith(MicronautTest.class)
            .because("a test runs on the shared application, or on its own when it sets properties");

    static final ArchRule browserTestsAreTagged = classes()
            .that(dependOn(Browser.class))
            .should(beTagged("browser"))
            .because("ops/test --fast leaves out the tag \"browser\"");

    static final ArchRule severalNodeTestsAreTagged = classes()
            .that(dependOn(NodeProcess.class).or(dependOn(TestRedis.class)))
            .should(beTagged("nodes"))
            .because("ops/test --fast leaves out the tag \"nodes\"");

    private static DescribedPredicate<JavaClass> dependOn(Class<?> target) {
        return DescribedPredicate.describe("depend on " + target.getSimpleName(),
                c -> !c.getName().startsWith(TestShapeTest.class.getPackageName() + ".")
                        && c.getSimpleName().endsWith("Test")
                        && c.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> d.getTargetClass().getName().equals(target.getName())));
    }

    private static ArchCondition<JavaClass> beTagged(String tag) {
        return new ArchCondition<>("be tagged \"" + tag + "\"") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean tagged = c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals(tag)).orElse(false);
                events.add(new SimpleConditionEvent(c, tagged, c.getName() + (tagged ? " is" : " is not")
                        + " tagged \"" + tag + "\""));
            }
        };
    }
}
