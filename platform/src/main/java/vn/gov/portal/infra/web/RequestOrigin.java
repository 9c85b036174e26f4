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
}
