package vn.gov.portal.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;

/**
 * The shape DESIGN.md asks for, checked on every build. Plain JUnit over ArchUnit's rules, so
 * each rule is a counted test.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.gov.portal");

    /** Shared by every feature and part of none: the generated jOOQ tables and the schema tools. */
    private static final String[] SHARED = {"vn.gov.portal.db..", "vn.gov.portal.schema.."};

    static List<ArchRule> rules() {
        return List.of(onlyInfraDbTouchesConnections, nobodyResolvesHostsButTenancy,
                infraDependsOnNoFeature, tenancyDependsOnNoFeature, featuresFormNoCycle, controllersInjectNoControllers,
                nobodyReadsTheSystemClock, nobodyNamesATimeZone);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(MAIN);
    }

    /** Connections come only through TenantDb, which sets the tenant scope on each transaction. */
    static final ArchRule onlyInfraDbTouchesConnections = noClasses()
            // schema: the migrations module's start-up tools, which run as the schema owner
            .that().resideOutsideOfPackages("vn.gov.portal.infra.db..", "vn.gov.portal.schema..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.DriverManager")
            .because("a query outside TenantDb would run without a tenant scope");

    /** The tenant comes from the host, resolved in tenancy; no one else reads the Host header's tenant. */
    static final ArchRule nobodyResolvesHostsButTenancy = noClasses()
            .that().resideOutsideOfPackage("vn.gov.portal.tenancy..")
            .should().dependOnClassesThat().haveSimpleName("HostResolver")
            .because("the tenant is bound once, by TenantFilter");

    /**
     * Infrastructure knows no feature, whichever: everything under vn.gov.portal but infra itself and
     * the shared packages, so a feature added later is covered without touching this rule. Where infra
     * needs a feature's answer it owns an interface the feature implements (BoundSites, SiteCount).
     */
    static final ArchRule infraDependsOnNoFeature = noClasses()
            .that().resideInAPackage("vn.gov.portal.infra..")
            .should().dependOnClassesThat(resideInAPackage("vn.gov.portal..")
                    .and(resideOutsideOfPackages(with("vn.gov.portal.infra.."))))
            .because("features build on infra, not the other way round");

    /**
     * Tenancy is the foundation: it knows infra and no feature built on it (every package but infra
     * and the shared ones, so new features are covered).
     */
    static final ArchRule tenancyDependsOnNoFeature = noClasses()
            .that().resideInAPackage("vn.gov.portal.tenancy..")
            .should().dependOnClassesThat(resideInAPackage("vn.gov.portal..")
                    .and(resideOutsideOfPackages(with("vn.gov.portal.tenancy..", "vn.gov.portal.infra.."))))
            .because("features hook into tenancy (SiteInitializer), tenancy does not call them");

    /**
     * The features form a graph without cycles (docs/architecture.md draws its layers): a
     * lower feature that needs a higher one's service owns an interface the higher one implements.
     * The shared packages are left out: every feature reads the jOOQ tables.
     */
    static final ArchRule featuresFormNoCycle = slices().matching("vn.gov.portal.(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAnyPackage(SHARED), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
            .because("a cycle makes every feature in it one feature that must change together");

    /**
     * Controllers never inject controllers: what two controllers share is a bean of its own
     * (site.PublicPages renders the public pages for every controller that shows one).
     */
    static final ArchRule controllersInjectNoControllers = classes()
            .that().areAnnotatedWith(Controller.class)
            .should(injectNoController())
            .because("a controller is a set of routes, not a service; sharing one couples their routes and beans");

    private static ArchCondition<JavaClass> injectNoController() {
        return new ArchCondition<>("have no field or constructor parameter whose type is a @Controller") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (JavaField field : controller.getFields()) {
                    if (field.getRawType().isAnnotatedWith(Controller.class)) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is the controller "
                                + field.getRawType().getName()));
                    }
                }
                for (JavaConstructor constructor : controller.getConstructors()) {
                    for (JavaClass parameter : constructor.getRawParameterTypes()) {
                        if (parameter.isAnnotatedWith(Controller.class)) {
                            events.add(SimpleConditionEvent.violated(constructor, constructor.getFullName()
                                    + " takes the controller " + parameter.getName()));
                        }
                    }
                }
            }
        };
    }

    private static String[] with(String... own) {
        String[] all = new String[own.length + SHARED.length];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(SHARED, 0, all, own.length, SHARED.length);
        return all;
    }

    /**
     * "Now" comes from the injected {@code Clock} (infra.time.Clocks): a test moves it to the day
     * it needs instead of waiting, and every feature agrees on one instant per request.
     */
    static final ArchRule nobodyReadsTheSystemClock = noClasses()
            .that().resideOutsideOfPackage("vn.gov.portal.infra.time..")
            .should().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(YearMonth.class, "now")
            .orShould().callMethod(Year.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
            .orShould().callMethod(YearMonth.class, "now", ZoneId.class)
            .orShould().callMethod(Year.class, "now", ZoneId.class)
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("the clock is injected (infra.time.Clocks), so tests move it instead of sleeping");

    /** One zone, the province calendar's (infra.time.ProvinceTime.ZONE), never spelled out again. */
    static final ArchRule nobodyNamesATimeZone = noClasses()
            // the calendar reads the zone it was stored with (every row holds ProvinceTime.ZONE_NAME)
            .that().resideOutsideOfPackages("vn.gov.portal.infra.time..", "vn.gov.portal.oversight.calendar..")
            .should().callMethod(ZoneId.class, "of", String.class)
            .because("every date the rules count is on the province's calendar: infra.time.ProvinceTime");

    /**
     * One door for reading across tenants: a scope wider than one site is built only by
     * tenancy's named accessors (TenantScopes), which derive it from the directory and refuse
     * one that leaves a province; features ask for it by its use.
     */
    @Test
    void wideTenantScopesComeOnlyFromTenancy() {
        onlyTenancyBuildsWideScopes.check(MAIN);
        onlyProvisioningWidensATransaction.check(MAIN);
    }

    static final ArchRule onlyTenancyBuildsWideScopes = noClasses()
            .that().resideOutsideOfPackages("vn.gov.portal.tenancy..", "vn.gov.portal.infra.db..")
            .should().callMethod(TenantScope.class, "subtree", Collection.class)
            .because("a scope wider than one site comes from a named accessor of tenancy.TenantScopes");

    /**
     * TenantDb.provision opens a transaction that may widen itself (to sites it creates, merges or
     * deletes): site creation (tenancy) and provisioning only. What it widens to is a single site
     * (TenantScope.of) or an accessor's scope, by the rule above.
     */
    static final ArchRule onlyProvisioningWidensATransaction = noClasses()
            .that().resideOutsideOfPackages("vn.gov.portal.tenancy..", "vn.gov.portal.provisioning..",
                    "vn.gov.portal.infra.db..")
            .should().callMethod(TenantDb.class, "provision", BiFunction.class)
            .because("only creating, merging, importing and deleting sites widen a transaction");
}
