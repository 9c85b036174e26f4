package vn.gov.portal.oversight.royalties;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.ArticleInput;
import vn.gov.portal.publishing.ArticleService;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.MovableClock;
import vn.gov.portal.testing.PortalTest;

/**
 * A site's royalty rates and approved statements go where the site goes: exported, deleted
 * (delete_site knows the tables) and imported back with the statement as it was kept; then
 * merged into another site, where they stay with the merged site although its articles move.
 */
@MicronautTest(transactional = false)
class RoyaltiesTravelWithTheSiteTest extends PortalTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    @Inject
    MovableClock clock;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;
    @Inject
    ArticleService articles;

    private final HttpClient http = HttpClient.newBuilder().build();

    @Override
    protected boolean movesTheClock() {
        return true;
    }

    @Test
    void anApprovedStatementIsExportedDeletedImportedAndStaysThroughAMerge() throws Exception {
        clock.set(Instant.now());
        YearMonth month = YearMonth.now(VIETNAM);
        String domain = Fixtures.flatProvince(provisioning, "nbchuyen");
        String label = domain.replace(".test", "");
        var dir = directory.snapshot();
        Tenant province = dir.provinces().stream().filter(p -> p.subdomain().equals(label)).findFirst().orElseThrow();
        Tenant so = dir.child(province.id(), "so");
        Tenant xa = dir.child(province.id(), "xa");
        String soHost = "so." + domain;
        long headId = accounts.create(label + ".truongban", "Trưởng ban chuyển", null, DEMO_PASSWORD, null);
        accounts.grant(so.id(), headId, Role.HEAD, "test");
        Actor head = new Actor(headId, label + ".truongban", Set.of(Role.HEAD.name()));
        assertThat(api(soHost, token(soHost, label + ".truongban"), "PUT", "/api/v1/royalties/rates",
                "{\"newsPoints\":4,\"eventPoints\":2,\"lawPoints\":3,\"announcementPoints\":1,\"photoPoints\":1,"
                        + "\"pointValue\":50000}").statusCode()).isEqualTo(200);
        var a = articles.create(so.id(), head, new ArticleInput("Tin được trả nhuận bút", "Tóm tắt", "<p>Nội dung</p>",
                "NEWS", null, List.of(), null, null, null, null, null, null, null, null));
        articles.submit(so.id(), head, a.getId());
        articles.approve(so.id(), head, a.getId(), null, "Thử nghiệm");
        String admin = token(domain, "platform.admin");
        clock.set(month.plusMonths(1).atDay(2).atTime(9, 0).atZone(VIETNAM).toInstant());
        try {
            var approved = api(soHost, token(soHost, label + ".truongban"), "POST",
                    "/api/v1/royalties/statements/" + month + "/approve", null);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(approved.body()).contains("\"totalAmount\":200000");

            assertThat(api(domain, admin, "PATCH", "/api/v1/tenants/" + so.id(), "{\"status\":\"ARCHIVED\"}")
                    .statusCode()).isEqualTo(200);
            // With password hashes: the head signs in to the site brought back as before.
            var export = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tenants/" + so.id()
                            + "/export?passwordHashes=true"))
                    .header("Host", domain).header("Authorization", "Bearer " + admin).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(export.statusCode()).isEqualTo(200);
            var deleted = api(domain, admin, "DELETE", "/api/v1/tenants/" + so.id() + "?confirm=so", null);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.body()).contains("\"royalty_lines\":1").contains("\"royalty_statements\":1");
            var imported = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tenants/import?subdomain=so"))
                    .header("Host", domain).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/zip").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(export.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            long back = Long.parseLong(field(imported.body(), "id"));
            assertThat(api(domain, admin, "PATCH", "/api/v1/tenants/" + back, "{\"status\":\"ACTIVE\"}")
                    .statusCode()).isEqualTo(200);
            var kept = api(soHost, token(soHost, label + ".truongban"), "GET", "/api/v1/royalties/statements/" + month,
                    null);
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
            assertThat(kept.body()).contains("\"approved\":true").contains("\"totalAmount\":200000")
                    .contains("Tin được trả nhuận bút");

            var merged = api(domain, admin, "POST", "/api/v1/tenants/" + back + "/merge", "{\"into\":" + xa.id() + "}");
            assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        } finally {
            clock.set(Instant.now());
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
