package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** How an address is keyed for rate limits, and which peers count as trusted proxies. */
class RateLimitKeyTest {

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() throws Exception {
        String a = RequestOrigin.rateLimitKey(InetAddress.getByName("2001:db8:1:2::1"));
        assertThat(a).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(RequestOrigin.rateLimitKey(InetAddress.getByName("2001:db8:1:2:ffff:eeee:dddd:cccc"))).isEqualTo(a);
        assertThat(RequestOrigin.rateLimitKey(InetAddress.getByName("2001:db8:1:3::1"))).isNotEqualTo(a);
    }

    @Test
    void ipv4AddressesAreTheirOwnKeyAndMappedOnesFoldToThem() throws Exception {
        assertThat(RequestOrigin.rateLimitKey(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(RequestOrigin.rateLimitKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(RequestOrigin.rateLimitKey("unknown")).isEqualTo("unknown");
    }

    @Test
    void trustedProxiesAreCidrBlocksAndNothingByDefault() throws Exception {
        TrustedProxies list = TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.7 ,2001:db8::/32");
        assertThat(list.trusts(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(list.trusts(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(list.trusts(InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(list.trusts(InetAddress.getByName("192.168.1.8"))).isFalse();
        assertThat(list.trusts(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(list.trusts(InetAddress.getByName("2001:db9::1"))).isFalse();
        assertThat(TrustedProxies.parse("").trusts(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts(InetAddress.getByName("8.8.8.8"))).isTrue();
    }

    @Test
    void aMistypedListStopsTheStartRatherThanTrustingSomethingElse() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.vn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0/8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerTextIsNeverLookedUpAsAName() {
        assertThat(TrustedProxies.literal("localhost")).isNull();
        assertThat(TrustedProxies.literal("10")).isNull();
        assertThat(TrustedProxies.literal("[2001:db8::1]")).isNotNull();
    }
}
