package vn.gov.portal.infra.web;

import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Where a request came from: the scheme the visitor used and their address. Behind our reverse
 * proxy TLS ends there and the proxy says so in X-Forwarded-Proto and X-Forwarded-For; both
 * are believed only when the direct peer is a proxy listed in {@code PORTAL_TRUSTED_PROXIES}
 * ({@link TrustedProxies}, bound to each request by {@link ForwardedHeadersFilter}). Every
 * absolute address, every Secure cookie, the audit log and every rate limit ask here.
 */
public final class RequestOrigin {
    /** The request attribute that carries the trusted proxies; absent, nobody is trusted. */
    static final String TRUSTED_PROXIES = "portal.trusted-proxies";
    /** Bits of an IPv6 address that name one subscriber: a /64 is what one home or office gets. */
    private static final int IPV6_SUBSCRIBER_BITS = 64;

    private RequestOrigin() {
    }

    public static boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        if (!fromTrustedProxy(request)) {
            return false;
        }
        // The nearest proxy's word: it sets (or appends) the last value.
        List<String> values = request.getHeaders().getAll("X-Forwarded-Proto");
        if (values.isEmpty()) {
            return false;
        }
        String[] protos = values.get(values.size() - 1).split(",");
        return "https".equalsIgnoreCase(protos[protos.length - 1].strip());
    }

    public static String scheme(HttpRequest<?> request) {
        return secure(request) ? "https" : "http";
    }

    /** The visitor's address as text (the audit log's "from where"); "unknown" without a peer. */
    public static String clientAddress(HttpRequest<?> request) {
        InetAddress client = client(request);
        return client == null ? "unknown" : text(client);
    }

    /**
     * The visitor's address as a rate limit counts it: an IPv4 address as it is, an IPv6 one by
     * its /64 ({@link #rateLimitKey}). Use this, not {@link #clientAddress}, for every limit.
     */
    public static String clientKey(HttpRequest<?> request) {
        InetAddress client = client(request);
        return client == null ? "unknown" : rateLimitKey(client);
    }

    /**
     * One subscriber's key: an IPv6 host picks any of the 2^64 addresses of its network at will,
     * so counting per address would give it 2^64 fresh budgets. IPv4 (and IPv4-mapped IPv6,
     * which InetAddress folds to IPv4) is counted per address.
     */
    public static String rateLimitKey(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return text(address);
        }
        byte[] network = Arrays.copyOf(bytes, bytes.length);
        Arrays.fill(network, IPV6_SUBSCRIBER_BITS / 8, network.length, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + IPV6_SUBSCRIBER_BITS;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes are always an address
        }
    }

    /**
     * {@link #rateLimitKey(InetAddress)} of an address already taken as text ({@link #clientAddress});
     * text that is no address (e.g. "unknown") is its own key.
     */
    public static String rateLimitKey(String address) {
        InetAddress parsed = TrustedProxies.literal(address);
        return parsed == null ? address : rateLimitKey(parsed);
    }

    /**
     * The peer, or, when the peer is a trusted proxy, the first address met walking
     * X-Forwarded-For from the right that is not itself a trusted proxy: every proxy appends the
     * address it saw, so only the part our own proxies wrote is true; what the client wrote on
     * the left is skipped. A hop that is no address stops the walk at the last one believed.
     */
    static InetAddress client(HttpRequest<?> request) {
        InetAddress peer = peer(request);
        if (peer == null || !trusted(request).trusts(peer)) {
            return peer;
        }
        List<String> headers = request.getHeaders().getAll("X-Forwarded-For");
        InetAddress client = peer;
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] hops = headers.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = TrustedProxies.literal(hops[i]);
                if (hop == null) {
                    return client;
                }
                client = hop;
                if (!trusted(request).trusts(hop)) {
                    return client;
                }
            }
        }
        return client;
    }

    private static boolean fromTrustedProxy(HttpRequest<?> request) {
        InetAddress peer = peer(request);
        return peer != null && trusted(request).trusts(peer);
    }

    private static InetAddress peer(HttpRequest<?> request) {
        var remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private static TrustedProxies trusted(HttpRequest<?> request) {
        return request.getAttribute(TRUSTED_PROXIES, TrustedProxies.class).orElse(TrustedProxies.NONE);
    }

    /** Without an IPv6 scope ("%eth0"): PostgreSQL's inet (the audit log) refuses one. */
    private static String text(InetAddress address) {
        String s = address.getHostAddress();
        int scope = s.indexOf('%');
        return scope < 0 ? s : s.substring(0, scope);
    }
}
