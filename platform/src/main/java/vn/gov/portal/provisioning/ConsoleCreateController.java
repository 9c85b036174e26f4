package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantStatus;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * Creating one site from the console ({@code /admin/trang-thanh-phan/tao-moi}), through
 * {@link SiteLifecycle#create} as the API does. A blank sub-domain is filled with the one the
 * unit's name folds to ({@link SubdomainRules#suggest}, as the province's own list derives them)
 * and handed back to check, rather than created under a label nobody read.
 */
@Controller("/admin/trang-thanh-phan/tao-moi")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleCreateController {
    static final List<TenantKind> KINDS = List.of(TenantKind.DEPARTMENT, TenantKind.COMMUNE, TenantKind.WARD,
            TenantKind.DISTRICT);
    private static final List<String> FIELDS = List.of("name", "kind", "subdomain", "parent", "headName", "headEmail");
    private final ConsoleAccess access;
    private final TenantDirectory directory;
    private final SiteLifecycle lifecycle;
    private final AdminPages pages;

    ConsoleCreateController(ConsoleAccess access, TenantDirectory directory, SiteLifecycle lifecycle,
                            AdminPages pages) {
        this.access = access;
        this.directory = directory;
        this.lifecycle = lifecycle;
        this.pages = pages;
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request, Authentication auth) {
        Tenant province = access.province(request, auth);
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        values.put("kind", TenantKind.DEPARTMENT.name());
        return page(request, auth, province, values, new HashMap<>(), HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        Tenant province = access.provinceOfForm(request, auth, form.get(AdminSession.CSRF_FIELD));
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "").strip()));
        Map<String, Object> model = new HashMap<>();
        try {
            if (values.get("subdomain").isEmpty()) {
                String suggested = SubdomainRules.suggest(values.get("name"));
                if (!suggested.isEmpty()) {
                    values.put("subdomain", suggested);
                    model.put("suggested", suggested);
                    return page(request, auth, province, values, model, HttpStatus.OK);
                }
            }
            TenantKind kind = kind(values.get("kind"));
            var created = lifecycle.create(province, CurrentSite.of(request).baseDomain(),
                    new SiteLifecycle.NewSite(values.get("subdomain"), values.get("name"), kind,
                            blankToNull(values.get("parent")), blankToNull(values.get("headName")),
                            blankToNull(values.get("headEmail"))), LinkOrigin.of(request), ProvinceAdmins.actor(auth));
            if (created.signInLink() == null) {
                return HttpResponse.seeOther(URI.create("/admin/trang-thanh-phan/" + created.id() + "?xong=tao-moi"));
            }
            // The head's link exists only in this answer (only its SHA-256 is stored), so it is shown
            // here, never kept (no-store), instead of after a redirect that could not show it again.
            model.put("created", created);
            model.put("createdName", values.get("name"));
            model.put("createdLink", created.signInLink());
            return page(request, auth, province, values, model, HttpStatus.OK);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            model.put("error", refused.detailKey());
            model.put("field", field(refused.rule()));
            return page(request, auth, province, values, model, refused.status());
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, Tenant province,
                                 Map<String, String> values, Map<String, Object> model, HttpStatus status) {
        DirectorySnapshot dir = directory.snapshot();
        model.put("values", values);
        model.put("kinds", KINDS);
        model.put("districts", districts(dir, province));
        return pages.page(request, "admin/site-new", auth, model, status);
    }

    /** The parents a site can have besides the province itself: its districts (BG 2023 Đ4). */
    static List<Tenant> districts(DirectorySnapshot dir, Tenant province) {
        return dir.children(province.id()).stream()
                .filter(t -> t.kind() == TenantKind.DISTRICT && t.status() != TenantStatus.MERGED)
                .sorted(Comparator.comparing(Tenant::name)).toList();
    }

    /** The kind as the API reads it, with the API's refusal. */
    private static TenantKind kind(String kind) {
        try {
            return TenantKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.kind-unknown", "kind");
        }
    }

    /** The form field a refusal is about (its message goes next to it), from the rule the API names. */
    private static String field(@Nullable String rule) {
        if (rule == null) {
            return "form";
        }
        if (rule.startsWith("subdomain")) {
            return "subdomain";
        }
        return switch (rule) {
            case "name", "kind", "parent" -> rule;
            case "email" -> "headEmail";
            default -> "form";
        };
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
