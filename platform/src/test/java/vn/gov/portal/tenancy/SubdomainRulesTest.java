package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubdomainRulesTest {

    @ParameterizedTest
    @CsvSource({
            "sotaichinh, ''",
            "so-y-te, ''",
            "vanlang-05665, ''",
            "admin, reserved",
            "english, reserved",
            "Sở Y tế, shape",
            "a..b, shape",
            "-soyte, shape",
            "soyte-, shape",
            "so_yte, shape",
            "'', length"
    })
    void eachRefusalNamesItsRule(String label, String rule) {
        assertThat(SubdomainRules.violation(label).orElse("")).isEqualTo(rule);
        assertThat(SubdomainRules.violation("a".repeat(64))).hasValue("length");
    }

    @ParameterizedTest
    @CsvSource({
            "Phường Phan Đình Phùng, phandinhphung",
            "Xã Văn Lăng, vanlang",
            "Xã Văn Lang, vanlang",
            "Sở Tài chính, sotaichinh",
            "Sở Y tế, soyte",
            "Xã Đại Từ, daitu"
    })
    void suggestionsFoldVietnameseNames(String name, String label) {
        assertThat(SubdomainRules.suggest(name)).isEqualTo(label);
    }
}
