package vn.gov.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.TestDatabase;

/**
 * The demo (accounts with a password printed in the README) runs only when asked for and only
 * under .localhost: the application started as a jar, without ops/start, creates no demo data.
 */
class DemoOnlyWhereSafeTest {

    @Test
    void aDemoUnderARealDomainRefusesToStartNamingTheDomain() {
        Map<String, Object> p = new HashMap<>(TestDatabase.get().properties());
        p.put("portal.demo.enabled", "true");
        p.put("portal.demo.base-domains", "thainguyen.gov.vn");
        assertThatThrownBy(() -> ApplicationContext.builder().properties(p).start().close())
                .satisfies(e -> assertThat(messages(e)).contains("thainguyen.gov.vn", ".localhost",
                        "PORTAL_DEMO_DOMAINS"));
    }

    @Test
    void aLocalhostDemoDomainIsAcceptedAndAMixedListIsNot() {
        DemoDomains.check(java.util.List.of("thainguyen.localhost", "x.thainguyen.localhost"));
        assertThatThrownBy(() -> DemoDomains.check(java.util.List.of("thainguyen.localhost", "thainguyen.gov.vn")))
                .hasMessageContaining("thainguyen.gov.vn").hasMessageNotContaining("thainguyen.localhost,");
        assertThatThrownBy(() -> DemoDomains.check(java.util.List.of("evil-localhost")))
                .hasMessageContaining("evil-localhost");
    }

    @Test
    void withoutTheFlagAFreshDatabaseGetsNoDemoProvinceAndNoDemoAccount() throws Exception {
        TestDatabase db = TestDatabase.get();
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String name = "portal_nodemo_" + run;
        try (var c = db.owner(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        String url = db.properties().get("database.url").replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        Path dataDir = TestDatabase.openTempDirectory("portal-nodemo-");
        // What the jar sees with nothing set: the application's own defaults, no demo property at all.
        Map<String, Object> p = new HashMap<>(db.properties());
        p.remove("portal.demo.enabled");
        p.remove("portal.demo.base-domains");
        p.put("database.url", url);
        p.put("database.app-user", "portal_app_nodemo_" + run);
        p.put("portal.data-dir", dataDir.toString());
        try (ApplicationContext ctx = ApplicationContext.builder().properties(p).start()) {
            assertThat(ctx.containsBean(DemoProvince.class)).isFalse();
        } finally {
            TestDatabase.deleteTree(dataDir);
        }
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            var tenants = st.executeQuery("SELECT count(*) FROM tenants");
            tenants.next();
            assertThat(tenants.getLong(1)).as("tenants").isZero();
            var accounts = st.executeQuery("SELECT count(*) FROM accounts WHERE username IN ('platform.admin', "
                    + "'thainguyen.truongban', 'sotaichinh.quantri', 'sotaichinh.bientap') OR username LIKE '%.truongban'");
            accounts.next();
            assertThat(accounts.getLong(1)).as("demo accounts").isZero();
        } finally {
            // On an external server (DATABASE_URL) nothing else would drop them.
            try (var c = db.owner(); var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                st.execute("DROP ROLE IF EXISTS portal_app_nodemo_" + run);
            }
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
