package vn.gov.portal.backoffice;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.Assets;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.Resolution;

/** Renders back-office pages: the site, the caller, the CSRF token and the menu the caller may use. */
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
        Set<String> roles = auth == null ? Set.of() : Set.copyOf(auth.getRoles());
        // The menu and every "may I" of a page come from the one permission table.
        model.put("menu", auth == null ? List.of() : BackOfficeMenu.visibleTo(roles, found.tenant()));
        model.put("hasParent", found.tenant().parentId() != null);
        // Kept for templates that still test them; new menu items go into BackOfficeMenu instead.
        model.put("reviewer", Permission.REVIEW_ARTICLES.allows(roles, found.tenant()));
        model.put("siteAdmin", Permission.MANAGE_MEMBERS.allows(roles, found.tenant()));
        model.put("reportReader", Permission.READ_REPORTS.allows(roles, found.tenant()));
        model.put("settingsAdmin", Permission.MANAGE_SETTINGS.allows(roles, found.tenant()));
        model.put("provinceAdmin", Permission.ADMINISTER_PROVINCE.allows(roles, found.tenant()));
        MutableHttpResponse<byte[]> r = HttpResponse.<byte[]>status(status)
                .body(templates.render(template, Templates.VIETNAMESE, model))
                .contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "noindex");
        AdminSession.keepCsrf(request, r);
        return r;
    }
}
