package vn.gov.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.portal.testing.PortalTest;
import vn.gov.portal.testing.SharedApplication;

/** /en, /ko…: translated chrome and items, hreflang alternates, and a clear note where no translation exists. */
@SharedApplication
class LanguagesTest extends PortalTest {
    private static final String ORIGINAL = "/tin-tuc/khai-truong-he-thong-cong-thong-tin-dien-tu-dung-chung-cua-tinh-bai-mau";
    private static final String TRANSLATION = "/en/tin-tuc/the-province-opens-its-shared-web-portal-platform-sample";
    private static final String UNTRANSLATED = "/tin-tuc/huong-dan-tra-cuu-thu-tuc-hanh-chinh-truc-tuyen-bai-mau";

    @Test
    void englishHomeHasEnglishChromeAndEnglishItems() {
        var r = get(PROVINCE, "/en/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<html lang=\"en\"", ">Home<", ">About<", ">Online public services<",
                ">Site map<", "Official web portal of Thai Nguyen Province",
                "The province opens its shared web portal platform (sample)",
                "<meta name=\"DC.language\" content=\"en\">", "<meta name=\"DC.creator\" content=\"Thai Nguyen Province\">",
                "hreflang=\"vi\" href=\"http://thainguyen.localhost/\"",
                "hreflang=\"en\" href=\"http://thainguyen.localhost/en/\"")
                .doesNotContain("Khai trương hệ thống", "Trang chủ<");
        assertThat(get(PROVINCE, "/").body()).contains("<html lang=\"vi\"", "hreflang=\"en\"", ">English<");
    }

    @Test
    void aTranslatedArticleLinksItsOriginalBothWays() {
        String en = get(PROVINCE, TRANSLATION).body();
        assertThat(en).contains("<h1>The province opens its shared web portal platform (sample)</h1>",
                "hreflang=\"vi\" href=\"http://thainguyen.localhost" + ORIGINAL + "\"");
        assertThat(get(PROVINCE, ORIGINAL).body()).contains("hreflang=\"en\" href=\"http://thainguyen.localhost"
                + TRANSLATION + "\"");
        // The switcher's link keeps the Vietnamese slug; it leads to the translation's own address.
        var r = get(PROVINCE, "/en" + ORIGINAL);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue(TRANSLATION);
    }

    @Test
    void anArticleWithNoEnglishVersionSaysSo() {
        var r = get(PROVINCE, "/en" + UNTRANSLATED);
        assertThat(r.body()).contains("Not translated yet", "has not been translated into English yet",
                "href=\"" + UNTRANSLATED + "\"", "noindex");
        assertThat(get(PROVINCE, "/ko" + UNTRANSLATED).body()).contains("한국어로 번역되지 않았습니다");
        // A component site offers the province's languages: English chrome, a note for its items.
        assertThat(get(DEPARTMENT, "/en/").body()).contains("<html lang=\"en\"", "No news items in English yet");
    }

    @Test
    void aPartialBundleFallsBackToEnglishNotVietnamese() {
        String ko = get(PROVINCE, "/ko/").body();
        assertThat(ko).contains("<html lang=\"ko\"", ">홈<", "Thai Nguyen Province");
        // "Related news" etc. exist in Korean; a key only in English shows in English, never as ??key??.
        assertThat(ko).doesNotContain("??");
    }

    @Test
    void aLanguageTheProvinceDoesNotOfferIsNotFound() {
        assertThat(get(PROVINCE, "/fr/").statusCode()).isEqualTo(404);
        assertThat(get(PROVINCE, "/fr/tin-tuc/x").statusCode()).isEqualTo(404);
        assertThat(get(PROVINCE, "/xx").statusCode()).isEqualTo(404);
        // A prefixed page in English keeps every link in English.
        String map = get(PROVINCE, "/en/so-do-cong").body();
        assertThat(map).contains("href=\"/en/gioi-thieu\"", "href=\"/en/lien-he\"", "//sotaichinh.thainguyen.localhost/en/");
    }

    @Test
    void englishFeedsAndSitemapListEnglishAddresses() {
        assertThat(get(PROVINCE, "/en/rss.xml").body()).contains("<language>en</language>",
                "http://thainguyen.localhost" + TRANSLATION);
        assertThat(get(PROVINCE, "/sitemap.xml").body()).contains("http://thainguyen.localhost" + TRANSLATION,
                "http://thainguyen.localhost/en/");
    }
}
