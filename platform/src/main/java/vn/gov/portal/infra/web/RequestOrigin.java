package vn.gov.portal.infra.web;

import io.micronaut.http.HttpRequest;

/**
 * The scheme a visitor used. Behind the reverse proxy TLS ends there, and the proxy says so in
 * X-Forwarded-Proto; every absolute address and every Secure cookie asks here.
 */
public final class RequestOrigin {
    private RequestOrigin() {
    }

    public static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    public static String scheme(HttpRequest<?> request) {
        return secure(request) ? "https" : "http";
    }

    /**
     * The visitor's address. Behind our reverse proxy (a peer on loopback or a private network)
     * it is the last address the proxy appended to X-Forwarded-For; from anyone else the header
     * is ignored, since a client could write any address into it.
     */
    public static String clientAddress(HttpRequest<?> request) {
        java.net.InetAddress peer = request.getRemoteAddress().getAddress();
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded != null && peer != null && (peer.isLoopbackAddress() || peer.isSiteLocalAddress())) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 45 && last.chars().allMatch(c -> Character.isLetterOrDigit(c)
                    || c == '.' || c == ':')) {
                return last;
            }
        }
        return peer == null ? "unknown" : peer.getHostAddress();
    }
}
