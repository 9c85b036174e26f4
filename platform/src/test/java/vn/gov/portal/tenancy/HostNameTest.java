package vn.gov.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

    @ParameterizedTest
    @CsvSource({
            "thainguyen.localhost, thainguyen.localhost",
            "SoTaiChinh.ThaiNguyen.Gov.VN, sotaichinh.thainguyen.gov.vn",
            "thainguyen.localhost:8080, thainguyen.localhost",
            "thainguyen.gov.vn., thainguyen.gov.vn",
            "xn--thi-nguyn-x1a.vn, xn--thi-nguyn-x1a.vn",
            "a-b.c, a-b.c"
    })
    void normalisesCasePortAndTrailingDot(String header, String expected) {
        assertThat(HostName.normalise(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_host!", "", " ", "a..b", ".a", "-a.vn", "a-.vn", "thái.vn", "a b.vn",
            "host/evil", "[::1]:8080", "a.b:99999"})
    void refusesWhatIsNotAHostName(String header) {
        assertThat(HostName.normalise(header)).isNull();
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongNames() {
        String label = "a".repeat(63);
        assertThat(HostName.normalise(label + "." + label + "." + label + "." + label + ".vn")).isNull();
        assertThat(HostName.normalise("a".repeat(64) + ".vn")).isNull();
    }
}
