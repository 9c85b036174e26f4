package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantProvisioning;
import vn.gov.portal.testing.Fixtures;
import vn.gov.portal.testing.PortalTest;

/**
 * Issue 13, Build 9: searches run on a pool of their own (here one thread, no queue). When it is
 * full a search is refused at once with 503 and Retry-After, a Vietnamese page for people and
 * problem+json for clients asking for JSON, while the rest of the site keeps answering.
 */
@MicronautTest(transactional = false)
class AFullSearchPoolAnswers503WithRetryAfterTest extends PortalTest {
    @Inject
    TenantProvisioning provisioning;
    @Inject
    SearchPool pool;

    private String province;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("portal.search.threads", "1");
        properties.put("portal.search.queue", "0");
        return properties;
    }

    @BeforeAll
    void aProvinceOfItsOwn() {
        province = Fixtures.flatProvince(provisioning, "timkiemdong");
    }

    @Test
    void aSearchBeyondThePoolIsToldToComeBackAndOtherPagesStillAnswer() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        // The pool's one thread is taken by a search that does not end until released.
        pool.submit(() -> {
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            var page = get(province, "/tim-kiem?q=ngan+sach");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("Hệ thống tìm kiếm đang quá tải");

            var api = get(province, "/tim-kiem?q=ngan+sach+2", "Accept", "application/json");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.body()).contains("\"status\":503", "Hệ thống tìm kiếm đang quá tải");

            assertThat(get(province, "/").statusCode()).as("the home page is not a search").isEqualTo(200);
            assertThat(get("so." + province, "/").statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
        }
        // Once the thread is free the same search is served.
        long deadline = System.currentTimeMillis() + 10_000;
        int status;
        do {
            status = get(province, "/tim-kiem?q=ngan+sach").statusCode();
        } while (status != 200 && System.currentTimeMillis() < deadline && sleep());
        assertThat(status).isEqualTo(200);
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }
}
