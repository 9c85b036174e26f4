package vn.gov.portal.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/** Renders back-office pages: the site, the caller, the CSRF token and the seats the menu needs. */
@Singleton
public class AdminPages {
    private final Templates templates;
    private final Assets assets;

    AdminPages(Templates templates, Assets assets) {
        this.templates = templates;
        this.assets = assets;
    }

    public MutableHttpResponse<?> page(HttpRequest<?> request, String template, @Nullable Authentication auth,
                                        Map<String, Object> model, HttpStatus status) {
        Resolution.Found found = CurrentSite.of(request);
        String csrf = AdminSession.csrf(request);
        model.put("site", found.tenant());
        model.put("assets", assets);
        model.put("csrf", csrf);
        model.put("me", auth == null ? null : auth.getAttributes().get("name"));
        model.put("reviewer", auth != null && (auth.getRoles().contains(Role.HEAD.name())
                || auth.getRoles().contains(Role.DEPUTY_HEAD.name())));
        model.put("siteAdmin", auth != null && (auth.getRoles().contains(Role.SITE_ADMIN.name())
                || auth.getRoles().contains(Role.HEAD.name())));
        // Site settings (issue 12): the site's admin and head, the province board's, the platform admin.
        model.put("settingsAdmin", auth != null
                && vn.gov.portal.tenancy.settings.SiteSettingsPolicy.mayManage(auth.getRoles()));
        model.put("hasParent", found.tenant().parentId() != null);
        // Periodic reports (issue 6): the board reads its own; the province reads everyone's.
        model.put("reportReader", auth != null && found.tenant().parentId() != null
                && (auth.getRoles().contains(Role.EDITOR.name()) || auth.getRoles().contains(Role.DEPUTY_HEAD.name())
                || auth.getRoles().contains(Role.HEAD.name()) || auth.getRoles().contains(Role.SITE_ADMIN.name())
                || auth.getRoles().contains(Role.MEMBER.name())));
        // The province's console of component sites (issue 5): platform admin, or the province board.
        model.put("provinceAdmin", auth != null && (auth.getRoles().contains(Role.PLATFORM_ADMIN.name())
                || (found.tenant().isProvince() && (auth.getRoles().contains(Role.HEAD.name())
                || auth.getRoles().contains(Role.SITE_ADMIN.name())))));
        MutableHttpResponse<byte[]> r = HttpResponse.<byte[]>status(status)
                .body(templates.render(template, Templates.VIETNAMESE, model))
                .contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "noindex");
        AdminSession.keepCsrf(request, r, csrf);
        return r;
    }
}
