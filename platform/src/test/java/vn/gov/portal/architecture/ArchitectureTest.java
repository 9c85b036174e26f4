package vn.gov.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape DESIGN.md asks for, checked on every build. Plain JUnit over ArchUnit's rules, so
 * each rule is a counted test.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.gov.portal");

    static java.util.List<ArchRule> rules() {
        return java.util.List.of(onlyInfraDbTouchesConnections, nobodyResolvesHostsButTenancy,
                infraDependsOnNoFeature, tenancyDependsOnNoFeature, nobodyReadsTheSystemClock,
                nobodyNamesATimeZone);
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

    /** Infrastructure knows no feature. */
    static final ArchRule infraDependsOnNoFeature = noClasses()
            .that().resideInAPackage("vn.gov.portal.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.gov.portal.site..", "vn.gov.portal.demo..")
            .because("features build on infra, not the other way round");

    /** Tenancy is the foundation: it does not reach into the features built on it. */
    static final ArchRule tenancyDependsOnNoFeature = noClasses()
            .that().resideInAPackage("vn.gov.portal.tenancy..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.gov.portal.site..", "vn.gov.portal.demo..")
            .because("features hook into tenancy (SiteInitializer), tenancy does not call them");

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
}
