package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 13's acceptance for sign-in: 200 sign-ins at once with wrong passwords for random names,
 * each from an address of its own (so no address limit helps), through the API and the
 * back-office form. Every one is answered 401, 429 or 503 (none 500, none left hanging), the
 * hashing pool refuses what it cannot take rather than hashing all at once, a public page keeps
 * answering meanwhile, and the owner of an account signs in afterwards. The pool is set to two
 * threads so the test means the same on a machine with many cores.
 */
@MicronautTest(transactional = false)
class SignInFloodIsAnsweredFastTest extends PortalTest {
    private static final int FLOOD = 200;
    private static final int THROUGH_THE_FORM = 50;

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantDirectory directory;
    @Inject
    Accounts accounts;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private String so;
    private String label;
    /** The sign-in page's pre-session cookie and token: an attacker can fetch one as anyone can. */
    private AnonymousForm signInPage;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.sign-in.hashing-threads", "2");
        return p;
    }

    @BeforeAll
    void aProvinceOfItsOwn() {
        String domain = Fixtures.flatProvince(provisioning, "lutdangnhap");
        label = domain.substring(0, domain.indexOf('.'));
        so = "so." + domain;
        Tenant province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(label))
                .findFirst().orElseThrow();
        Tenant department = directory.snapshot().children(province.id()).stream()
                .filter(t -> t.subdomain().equals("so")).findFirst().orElseThrow();
        long id = accounts.create(label + ".chutaikhoan", "Chủ tài khoản", null, DEMO_PASSWORD, null);
        accounts.grant(department.id(), id, Role.EDITOR, "test");
        assertThat(get(so, "/").statusCode()).as("the public home page, before the flood").isEqualTo(200);
        signInPage = anonymousForm(so);
    }

    @Test
    void everyWrongSignInOfAFloodIsAnsweredAndThePortalKeepsServing() throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong mostHeapUsed = new AtomicLong();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            String address = "198.18." + (i / 250) + "." + (i % 250 + 1);
            String name = "khong-co-" + UUID.randomUUID();
            answers.add(http.sendAsync(i < THROUGH_THE_FORM ? form(name, address) : api(name, address),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));

        int publicPages = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        do {
            mostHeapUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            assertThat(get(so, "/").statusCode()).as("a public page during the flood").isEqualTo(200);
            publicPages++;
        } while (!all.isDone() && System.nanoTime() < deadline);
        all.get(1, TimeUnit.MINUTES); // none left hanging

        Map<Integer, Integer> byStatus = new HashMap<>();
        for (int i = 0; i < FLOOD; i++) {
            HttpResponse<String> r = answers.get(i).get();
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            assertThat(r.statusCode()).as("answer %d: %s", i, r.body()).isIn(401, 429, 503);
            if (r.statusCode() == 503) {
                assertThat(r.headers().firstValue("Retry-After")).hasValue(
                        String.valueOf(PasswordHashing.RETRY_AFTER_SECONDS));
                if (i < THROUGH_THE_FORM) {
                    assertThat(r.body()).contains("Hệ thống đang bận");
                } else {
                    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(r.body()).contains("Hệ thống đang bận").doesNotContain("Exception");
                }
            }
        }
        System.out.printf("Sign-in flood: answers %s, %d public pages served meanwhile, most heap used %d MiB of %d%n",
                byStatus, publicPages, mostHeapUsed.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        assertThat(byStatus.getOrDefault(503, 0)).as("hashes refused rather than all run at once: " + byStatus)
                .isPositive();
        assertThat(publicPages).isPositive();
        assertThat(signIn(so, label + ".chutaikhoan", DEMO_PASSWORD).statusCode()).as("the owner, afterwards")
                .isEqualTo(200);
    }

    private HttpRequest api(String name, String address) {
        return request("/api/v1/auth/token", "application/json",
                "{\"username\":\"" + name + "\",\"password\":\"Sai@2026x\"}", address).build();
    }

    private HttpRequest form(String name, String address) {
        return request("/admin/dang-nhap", "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password=Sai%402026x&_csrf="
                        + signInPage.csrf(),
                address).header("Cookie", signInPage.cookie()).build();
    }

    private HttpRequest.Builder request(String path, String type, String body, String address) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofMinutes(2))
                .header("Host", so).header("Content-Type", type).header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
