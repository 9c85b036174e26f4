package vn.gov.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.SharedApplication;

/**
 * Media ids are a sequence, so counting must reach nothing unpublished: a visitor reads a medium
 * only once something published links it; the site's board reads its own at any time; no other
 * site reads it on its host, published or not.
 */
@SharedApplication
class DraftMediaStayWithTheBoardTest extends SiteWithABoard {

    @Override
    String provinceName() {
        return "banthao";
    }

    @Test
    void aDraftsPictureIsNotFoundForVisitorsUntilTheDraftIsPublished() {
        var image = upload(so, writer, "le-khanh-thanh.png", png(900, 600), "Lễ khánh thành cầu");
        assertThat(image.statusCode()).as(image.body()).isEqualTo(201);
        long id = id(image.body());
        var pdf = upload(so, writer, "Quyết định 45.pdf", UploadsAreCheckedBeforeTheyAreKeptTest.pdf(), null);
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        long decision = id(pdf.body());
        var notLinked = upload(so, writer, "chua-dung.png", png(200, 200), "Ảnh chưa dùng");
        long unused = id(notLinked.body());

        String body = "<p>Cầu mới thông xe.</p><p><img src=\\\"/media/" + id + "/full\\\" alt=\\\"Lễ khánh thành\\\">"
                + "</p><p><a href=\\\"https://" + so + "/media/" + decision + "/original\\\">Quyết định</a></p>";
        var draft = api(so, writer, "POST", "/api/v1/articles", "{\"title\":\"Khánh thành cầu mới\","
                + "\"bodyHtml\":\"" + body + "\",\"featuredImage\":\"/media/" + id + "/card\","
                + "\"featuredAlt\":\"Lễ khánh thành\"}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long article = id(draft.body());

        for (String path : new String[] {"/media/" + id + "/card", "/media/" + id + "/full",
                "/media/" + id + "/original", "/media/" + decision + "/original"}) {
            assertThat(get(so, path).statusCode()).as("a visitor guessing " + path).isEqualTo(404);
        }
        // The board previews its draft: it reads the file, and no shared cache may keep it.
        var preview = get(so, "/media/" + id + "/card", "Authorization", "Bearer " + writer);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        // Another site's board, on its own host, finds nothing under that id.
        assertThat(get(xa, "/media/" + id + "/card", "Authorization", "Bearer " + otherSitesWriter).statusCode())
                .isEqualTo(404);

        // Sent for approval is not published either.
        assertThat(api(so, writer, "POST", "/api/v1/articles/" + article + "/submit", null).statusCode())
                .isEqualTo(200);
        assertThat(get(so, "/media/" + id + "/card").statusCode()).isEqualTo(404);

        var approved = api(so, head, "POST", "/api/v1/articles/" + article + "/approve", "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        HttpResponse<String> visitor = get(so, "/media/" + id + "/card");
        assertThat(visitor.statusCode()).isEqualTo(200);
        assertThat(visitor.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get(so, "/media/" + id + "/thumb").statusCode()).as("every variant of it").isEqualTo(200);
        assertThat(get(so, "/media/" + decision + "/original").statusCode()).as("an absolute link").isEqualTo(200);
        assertThat(get(so, "/media/" + unused + "/thumb").statusCode()).as("what nothing links").isEqualTo(404);
        // Published or not, another site's host never serves it.
        assertThat(get(xa, "/media/" + id + "/card").statusCode()).isEqualTo(404);
        assertThat(get(xa, "/media/" + id + "/card", "Authorization", "Bearer " + otherSitesWriter).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPagesPictureGoesPublicWithTheApprovedChangeAndAnEmblemWhenTheBoardSetsIt() {
        long id = id(upload(so, writer, "tru-so.png", png(600, 400), "Trụ sở").body());
        var saved = api(so, writer, "PUT", "/api/v1/pages/gioi-thieu", "{\"title\":\"Giới thiệu\","
                + "\"bodyHtml\":\"<p>Trụ sở Sở.</p><p><img src=\\\"/media/" + id
                + "/full\\\" alt=\\\"Trụ sở\\\"></p>\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        // A change to the public page waits for approval; visitors keep the old text, and no picture.
        assertThat(get(so, "/media/" + id + "/full").statusCode()).isEqualTo(404);
        var approved = api(so, head, "POST", "/api/v1/pages/gioi-thieu/approve",
                "{\"expectedRevision\":" + field(saved.body(), "revision") + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(get(so, "/media/" + id + "/full").statusCode()).isEqualTo(200);

        long emblem = id(upload(so, writer, "bieu-trung.png", png(256, 256), "Biểu trưng").body());
        assertThat(get(so, "/media/" + emblem + "/thumb").statusCode()).isEqualTo(404);
        // The settings as they are, with this emblem (a null member is left out of the answer).
        String settings = api(so, head, "GET", "/api/v1/site/settings", null).body()
                .replace("\"emblemMediaId\":null,", "").replaceFirst("\\{", "{\"emblemMediaId\":" + emblem + ",");
        var set = api(so, head, "PUT", "/api/v1/site/settings", settings);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("\"emblemMediaId\":" + emblem);
        assertThat(get(so, "/media/" + emblem + "/thumb").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherSitesIdInABodyMakesNothingOfThatSitePublic() {
        var theirs = upload(xa, otherSitesWriter, "nha-van-hoa.png", png(300, 200), "Nhà văn hóa xã");
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(201);
        long id = id(theirs.body());
        String body = "<p><img src=\\\"/media/" + id + "/card\\\" alt=\\\"Ảnh\\\"></p>";
        long article = id(api(so, writer, "POST", "/api/v1/articles",
                "{\"title\":\"Bài dẫn ảnh của trang khác\",\"bodyHtml\":\"" + body + "\"}").body());
        assertThat(api(so, writer, "POST", "/api/v1/articles/" + article + "/submit", null).statusCode())
                .isEqualTo(200);
        assertThat(api(so, head, "POST", "/api/v1/articles/" + article + "/approve", "{}").statusCode())
                .isEqualTo(200);
        assertThat(get(xa, "/media/" + id + "/card").statusCode()).isEqualTo(404);
        assertThat(get(so, "/media/" + id + "/card").statusCode()).isEqualTo(404);
    }
}
