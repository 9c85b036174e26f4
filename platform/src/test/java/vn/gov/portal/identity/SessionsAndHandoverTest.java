package vn.gov.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Signing out really ends a session; a handover moves unfinished work and ends the leaver's sessions. */
@SharedApplication
class SessionsAndHandoverTest extends PortalTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    Accounts accounts;
    @Inject
    TenantDirectory directory;

    private long sotaichinh() {
        var province = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals("thainguyen"))
                .findFirst().orElseThrow();
        return directory.snapshot().children(province.id()).stream().filter(t -> t.subdomain().equals("sotaichinh"))
                .findFirst().orElseThrow().id();
    }

    /** A fresh member of Sở Tài chính with the demo password; returns the username. */
    private String member(String prefix, Role role, long[] idOut) {
        String username = prefix + SEQ.incrementAndGet();
        long id = accounts.create(username, "Thành viên thử " + username, null, DEMO_PASSWORD, null);
        accounts.grant(sotaichinh(), id, role, "test");
        if (idOut != null) {
            idOut[0] = id;
        }
        return username;
    }

    private int me(String token) {
        return get(DEPARTMENT, "/api/v1/auth/me", "Authorization", "Bearer " + token).statusCode();
    }

    @Test
    void signingOutEndsTheTokenAtOnce() throws InterruptedException {
        String token = token(DEPARTMENT, member("roi.phien", Role.EDITOR, null));
        assertThat(me(token)).isEqualTo(200);
        assertThat(api(DEPARTMENT, token, "POST", "/api/v1/auth/logout", null).statusCode()).isEqualTo(204);
        assertThat(me(token)).isEqualTo(401);
    }

    @Test
    void aHandoverMovesDraftsEndsTheSeatAndTheSessionsAndIsAudited() throws Exception {
        long[] leaver = new long[1];
        long[] receiver = new long[1];
        String leaving = member("nghi.viec", Role.CONTRIBUTOR, leaver);
        String receiving = member("nhan.viec", Role.EDITOR, receiver);
        String leaverToken = token(DEPARTMENT, leaving);
        for (String title : new String[] {"Nháp bàn giao một", "Nháp bàn giao hai"}) {
            assertThat(api(DEPARTMENT, leaverToken, "POST", "/api/v1/articles", "{\"title\":\"" + title + "\"}")
                    .statusCode()).isEqualTo(201);
        }
        // Board managers (site admin, head; issue 12) hand over; an editor does not.
        String editor = token(DEPARTMENT, receiving);
        assertThat(api(DEPARTMENT, editor, "POST", "/api/v1/members/" + leaver[0] + "/handover",
                "{\"to\":" + receiver[0] + "}").statusCode()).as("an editor does not manage members").isEqualTo(403);

        String admin = token(DEPARTMENT, "sotaichinh.quantri");
        var members = api(DEPARTMENT, admin, "GET", "/api/v1/members", null).body();
        assertThat(members).contains(leaving, "sotaichinh.truongban");
        var r = api(DEPARTMENT, admin, "POST", "/api/v1/members/" + leaver[0] + "/handover",
                "{\"to\":" + receiver[0] + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"articlesMoved\":2");

        assertThat(me(leaverToken)).isEqualTo(401);
        assertThat(signIn(DEPARTMENT, leaving, DEMO_PASSWORD).statusCode()).as("no seat left").isEqualTo(401);
        try (var c = db().owner(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*) FROM articles WHERE author_id = " + receiver[0]);
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            rs = st.executeQuery("SELECT subject FROM audit_events WHERE action = 'member.handed_over' "
                    + "AND subject LIKE 'account:" + leaver[0] + " %'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("account:" + leaver[0] + " -> account:" + receiver[0] + " articles:2");
        }
        assertThat(Pattern.compile(leaving).matcher(api(DEPARTMENT, admin, "GET", "/api/v1/members", null).body())
                .find()).isFalse();
    }
}
