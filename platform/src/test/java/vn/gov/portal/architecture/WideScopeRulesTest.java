package vn.gov.portal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import vn.gov.portal.architecture.widescope.FeatureBuildingItsOwnScope;
import vn.gov.portal.tenancy.TenantScopes;

/** The wide-scope rules of ArchitectureTest can fail: they catch a feature doing it, and let tenancy. */
class WideScopeRulesTest {
    private static final JavaClasses OFFENDER = new ClassFileImporter().importClasses(FeatureBuildingItsOwnScope.class);
    private static final JavaClasses BOTH = new ClassFileImporter().importClasses(TenantScopes.class,
            FeatureBuildingItsOwnScope.class);

    @Test
    void aFeatureBuildingASubtreeScopeBreaksTheRule() {
        EvaluationResult result = ArchitectureTest.onlyTenancyBuildsWideScopes.evaluate(OFFENDER);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("twoProvincesAtOnce").contains("TenantScope.subtree");
    }

    @Test
    void aFeatureOpeningAWideningTransactionBreaksTheRule() {
        EvaluationResult result = ArchitectureTest.onlyProvisioningWidensATransaction.evaluate(OFFENDER);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("widensItself").contains("TenantDb.provision");
    }

    @Test
    void tenancysOwnCallsAreAllowedBesideAnOffender() {
        EvaluationResult result = ArchitectureTest.onlyTenancyBuildsWideScopes.evaluate(BOTH);
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("FeatureBuildingItsOwnScope").doesNotContain("TenantScopes");
    }
}
