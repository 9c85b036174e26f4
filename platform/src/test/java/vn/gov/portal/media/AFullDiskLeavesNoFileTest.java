package vn.gov.portal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A disk that fills up in the middle of an upload gives the writer a plain 507 and leaves
 * nothing: no row, no half-written file, no original whose variants did not fit.
 */
@MicronautTest(transactional = false)
class AFullDiskLeavesNoFileTest extends SiteWithABoard {
    @Inject
    MediaStore store;

    @Override
    String provinceName() {
        return "daydia";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("portal.test.full-disk", "true");
        return p;
    }

    private DiskThatFillsUp disk() {
        return (DiskThatFillsUp) store;
    }

    @AfterEach
    void roomAgain() {
        disk().room.set(Long.MAX_VALUE);
    }

    /** Every file under the site's media directory, temporary ones included. */
    private List<Path> sitesFiles() throws IOException {
        Path dir = disk().root().resolve("t/" + department.id());
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aDocumentCutShortByAFullDiskGives507AndLeavesNothing() throws Exception {
        byte[] pdf = new byte[200_000];
        byte[] head = UploadsAreCheckedBeforeTheyAreKeptTest.pdf();
        System.arraycopy(head, 0, pdf, 0, head.length);
        long rows = mediaRows();
        disk().room.set(50_000);
        var r = upload(so, writer, "Báo cáo năm.pdf", pdf, null);
        assertProblem(r, 507, "hết chỗ lưu trữ", "Tệp chưa được lưu");
        assertThat(disk().room.get()).as("the disk did fill up part way through the file").isZero();
        assertThat(sitesFiles()).isEmpty();
        assertThat(mediaRows()).isEqualTo(rows);

        disk().room.set(Long.MAX_VALUE);
        var again = upload(so, writer, "Báo cáo năm.pdf", pdf, null);
        assertThat(again.statusCode()).as("once there is room, " + again.body()).isEqualTo(201);
        assertThat(sitesFiles()).hasSize(1);
    }

    @Test
    void aPictureWhoseVariantsDoNotFitTakesItsOriginalAwayAgain() throws Exception {
        List<Path> before = sitesFiles();
        long rows = mediaRows();
        byte[] picture = png(1200, 900);
        // Room for the original and the start of its first variant.
        disk().room.set(picture.length + 100);
        var r = upload(so, writer, "cong-truong.png", picture, "Công trường xây dựng");
        assertProblem(r, 507, "hết chỗ lưu trữ");
        assertThat(disk().room.get()).isZero();
        assertThat(sitesFiles()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(mediaRows()).isEqualTo(rows);
    }
}
