package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.gov.portal.schema.EmbeddedPostgres;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.TestDatabase;

/**
 * Issue 13's acceptance line: the database stopped for 10 s. Cached pages keep being served,
 * {@code /health/live} stays 200, {@code /health/ready} turns 503 and back to 200, and no accepted
 * write is lost: what got a 2xx before and after is there, what was tried meanwhile failed with a
 * clear 503 and is not there.
 *
 * <p>The application runs on a PostgreSQL of this test's own (the shared one serves every other
 * test), which the test stops and starts again on the same port.
 */
@MicronautTest(transactional = false)
class TheDatabaseStoppedForTenSecondsTest extends PortalTest {
    private Path dir;
    private EmbeddedPostgres pg;

    @Override
    public Map<String, String> getProperties() {
        if (pg == null) {
            try {
                dir = TestDatabase.openTempDirectory("portal-outage-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pg = EmbeddedPostgres.start(dir.resolve("pg"), false);
            pg.ensureDatabase("portal");
        }
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("database.url", pg.jdbcUrl("portal"));
        p.put("database.user", EmbeddedPostgres.SUPERUSER);
        p.put("database.password", pg.superuserPassword());
        p.put("database.app-user", "portal_app");
        p.put("portal.data-dir", dir.toString());
        return p;
    }

    @AfterAll
    void stopDatabase() {
        pg.close();
        TestDatabase.deleteTree(dir);
    }

    @Test
    void cachedPagesStayLiveAndNoAcceptedWriteIsLost() throws Exception {
        String writer = token(DEPARTMENT, "sotaichinh.bientap");
        assertThat(write(writer, "Tin viết trước sự cố").statusCode()).isEqualTo(201);
        String home = get(DEPARTMENT, "/").body();
        assertThat(get(DEPARTMENT, "/").statusCode()).isEqualTo(200);
        assertThat(get(null, "/health/ready").statusCode()).isEqualTo(200);

        int port = pg.port();
        pg.close();
        long stopped = System.currentTimeMillis();
        List<Integer> homes = new ArrayList<>();
        List<Integer> lives = new ArrayList<>();
        List<Integer> readies = new ArrayList<>();
        var during = write(writer, "Tin viết trong sự cố");
        while (System.currentTimeMillis() - stopped < 10_000) {
            var page = get(DEPARTMENT, "/");
            homes.add(page.statusCode());
            assertThat(page.body()).isEqualTo(home);
            lives.add(get(null, "/health/live").statusCode());
            readies.add(get("sotaichinh.thainguyen.localhost", "/health/ready").statusCode());
            Thread.sleep(250);
        }
        pg = EmbeddedPostgres.start(dir.resolve("pg"), false, port);

        assertThat(homes).as("the cached home page while the database is down").isNotEmpty().containsOnly(200);
        assertThat(lives).as("/health/live").containsOnly(200);
        assertThat(readies).as("/health/ready").containsOnly(503);
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.body()).contains("cơ sở dữ liệu tạm thời không phản hồi");

        long deadline = System.currentTimeMillis() + 60_000;
        int ready = get(null, "/health/ready").statusCode();
        while (ready != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            ready = get(null, "/health/ready").statusCode();
        }
        assertThat(ready).as("/health/ready once the database is back").isEqualTo(200);
        var after = write(writer, "Tin viết sau sự cố");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);

        String list = api(DEPARTMENT, writer, "GET", "/api/v1/articles", null).body();
        assertThat(list).contains("Tin viết trước sự cố", "Tin viết sau sự cố").doesNotContain("Tin viết trong sự cố");
    }

    private java.net.http.HttpResponse<String> write(String token, String title) {
        return api(DEPARTMENT, token, "POST", "/api/v1/articles", "{\"title\":\"" + title + "\"}");
    }
}
