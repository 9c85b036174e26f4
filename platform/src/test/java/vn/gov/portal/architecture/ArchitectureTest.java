package vn.gov.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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

    static java.util.List<ArchRule> rules() {
        return java.util.List.of(onlyInfraDbTouchesConnections, nobodyResolvesHostsButTenancy,
                infraDependsOnNoFeature, tenancyDependsOnNoFeature);
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
