package vn.gov.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import vn.gov.portal.identity.Accounts;
import vn.gov.portal.identity.Role;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * A province of the test class's own, whose department ({@link #so}) has a writer and a head,
 * and whose commune ({@link #xa}, the other site) has a writer too; uploads go through the API.
 */
abstract class SiteWithABoard extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    String label;
    String so;
    String xa;
    Tenant department;
    String writer;
    String head;
    String otherSitesWriter;

    @BeforeAll
    void aProvinceOfItsOwn() {
        String domain = Fixtures.flatProvince(provisioning, provinceName());
        label = domain.substring(0, domain.indexOf('.'));
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label))
                .findFirst().orElseThrow();
        department = directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals("so")).findFirst().orElseThrow();
        Tenant commune = directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals("xa")).findFirst().orElseThrow();
        so = "so." + domain;
        xa = "xa." + domain;
        seat("bientap", department, Role.CONTRIBUTOR);
        seat("truongban", department, Role.HEAD);
        seat("xabientap", commune, Role.CONTRIBUTOR);
        writer = token(so, label + ".bientap");
        head = token(so, label + ".truongban");
        otherSitesWriter = token(xa, label + ".xabientap");
    }

    abstract String provinceName();

    private void seat(String name, Tenant site, Role role) {
        long id = accounts.create(label + "." + name, "Người " + name, null, DEMO_PASSWORD, null);
        accounts.grant(site.id(), id, role, "test");
    }

    HttpResponse<String> upload(String host, String token, String filename, byte[] bytes, String alt) {
        String boundary = "----portal" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            if (alt != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(host, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
                "/api/v1/media", "Authorization", "Bearer " + token,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    /** A medium's bytes as the board reads them on {@code host}. */
    byte[] fileOf(String host, String path, String token) {
        var request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Host", host).header("Authorization", "Bearer " + token).GET().build();
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] png(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(20, 90, 160));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    long mediaRows() throws SQLException {
        try (var c = db().owner(); var rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM media WHERE tenant_id = " + department.id())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long id(String json) {
        return Long.parseLong(field(json, "id"));
    }

    static void assertProblem(HttpResponse<String> r, int status, String... detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains(detail);
    }
}
