package vn.gov.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.gov.portal.publishing.RevisionDiff;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** Two revisions side by side in the back office, with the changed words marked. */
@SharedApplication
class RevisionCompareTest extends PortalTest {

    @Test
    void wordsAddedAndRemovedAreMarked() {
        var parts = RevisionDiff.words("<p>Hội nghị sáng nay</p>", "<p>Hội nghị chiều nay</p>");
        assertThat(parts).extracting(RevisionDiff.Part::kind).containsExactly("same", "removed", "added", "same");
        assertThat(parts).extracting(RevisionDiff.Part::text).containsExactly("Hội nghị", "sáng", "chiều", "nay");
    }

    @Test
    void theComparePageShowsBothRevisionsAndTheChange() {
        String token = token(DEPARTMENT, "sotaichinh.bientap");
        String created = api(DEPARTMENT, token, "POST", "/api/v1/articles",
                "{\"title\":\"Lịch họp\",\"bodyHtml\":\"<p>Họp lúc tám giờ</p>\"}").body();
        Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(created);
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        api(DEPARTMENT, token, "PUT", "/api/v1/articles/" + id, "{\"bodyHtml\":\"<p>Họp lúc chín giờ</p>\"}");
        var page = get(DEPARTMENT, "/admin/bai-viet/" + id + "/so-sanh?tu=1&den=2", "Cookie", "portal_session=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<del>tám</del>", "<ins>chín</ins>", "Phiên bản 1", "Phiên bản 2");
        assertThat(get(COMMUNE, "/admin/bai-viet/" + id + "/so-sanh?tu=1&den=2",
                "Cookie", "portal_session=" + token(COMMUNE, "phandinhphung.bientap")).statusCode()).isEqualTo(404);
    }
}
