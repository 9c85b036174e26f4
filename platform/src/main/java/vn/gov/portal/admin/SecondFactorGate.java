package vn.gov.portal.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import vn.gov.portal.identity.SessionTokens;

/**
 * Someone who must enrol a second factor before anything else ({@link SessionTokens#ENROL_CLAIM})
 * is sent to "Tài khoản của tôi" from every other back-office page. Their token carries no roles,
 * so the API refuses them everything but their own account already; this makes the back office
 * lead them there instead of showing empty or forbidden pages.
 */
@ServerFilter("/admin/**")
public class SecondFactorGate implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public @Nullable HttpResponse<?> sendToEnrol(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith(AdminAccountController.PATH) || path.equals("/admin/dang-xuat")
                || path.equals("/admin/dang-nhap")
                || path.startsWith("/admin/static")) {
            return null;
        }
        return request.getUserPrincipal(Authentication.class).filter(SessionTokens::mustEnrol)
                .<HttpResponse<?>>map(a -> HttpResponse.seeOther(URI.create(AdminAccountController.PATH)))
                .orElse(null);
    }
}
