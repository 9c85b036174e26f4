package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.portal.infra.text.VietnameseText;

/** Snippets fold each character from a table kept as it fills; the result is VietnameseText's. */
class SnippetsTest {

    @Test
    void theKeptFoldingIsVietnameseTextsForEveryCharacter() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String folded = VietnameseText.fold(String.valueOf((char) c));
            char expected = folded.length() == 1 ? folded.charAt(0) : Character.toLowerCase((char) c);
            assertThat(Snippets.fold((char) c)).as("U+%04X", c).isEqualTo(expected);
            assertThat(Snippets.fold((char) c)).as("U+%04X, from the table", c).isEqualTo(expected);
        }
        assertThat(Snippets.foldEach("Phan Đình Phùng THUẾ")).isEqualTo("phan dinh phung thue");
    }

    @Test
    void marksTheWordsAsWrittenAroundTheFirstMatch() {
        assertThat(Snippets.of("<p>Tiếp công dân tại Phường <b>Phan Đình Phùng</b></p>", "phan dinh phung"))
                .isEqualTo("Tiếp công dân tại Phường <mark>Phan</mark> <mark>Đình</mark> <mark>Phùng</mark>");
    }

    @Test
    void theTextOfABodyHasItsEntitiesDecodedAndItsSpacesFolded() {
        assertThat(Snippets.text("<p>Thuế&nbsp;&amp;  phí</p>\n<p> &lt;Hoàn&gt;\t</p> ")).isEqualTo("Thuế & phí <Hoàn>");
        assertThat(Snippets.text("")).isEmpty();
        assertThat(Snippets.text("<br/>")).isEmpty();
    }

    @Test
    void aBodyCutInsideATagOrAnEntityShowsNeitherHalf() {
        assertThat(Snippets.of("<p>Hoàn thuế cho doanh nghiệp</p><p><a href=\"/tin-tuc/x", "thuế"))
                .isEqualTo("Hoàn <mark>thuế</mark> cho doanh nghiệp");
        assertThat(Snippets.of("<p>Hoàn thuế &amp; phí &am", "thuế"))
                .isEqualTo("Hoàn <mark>thuế</mark> &amp; phí");
    }
}
