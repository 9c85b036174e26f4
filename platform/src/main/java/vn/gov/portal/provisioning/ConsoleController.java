package vn.gov.portal.provisioning;

import static vn.gov.portal.db.Tables.ARTICLES;
import static vn.gov.portal.db.Tables.AUDIT_EVENTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.impl.DSL;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.Paged;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.pages.MandatoryPageGaps;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantStatus;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * The platform console on the province's back office ({@code /admin/trang-thanh-phan}): every
 * site of the province as a tree with status, kind, address, published items and last
 * activity; the requests waiting; suspend, resume, archive and go-live of {@link SiteLifecycle}, and
 * the decisions of {@link SiteRequests}. A refused action shows its reason on the same page, with
 * nothing lost. Each site's own forms (rename, move, merge, quotas, export) are on its page
 * ({@link ConsoleSiteController}); creating sites on {@link ConsoleCreateController}.
 */
@Controller("/admin/trang-thanh-phan")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private final TenantDirectory directory;
    private final SiteRequests requests;
    private final SiteLifecycle lifecycle;
    private final TenantDb db;
    private final AdminPages pages;
    private final MailOutbox outbox;
    private final ConsoleAccess access;
    private final MandatoryPageGaps pageGaps;
    private final TenantScopes scopes;

    public ConsoleController(TenantDirectory directory, SiteRequests requests, SiteLifecycle lifecycle, TenantDb db,
                             AdminPages pages, MailOutbox outbox, ConsoleAccess access, MandatoryPageGaps pageGaps, TenantScopes scopes) {
        this.scopes = scopes;
        this.access = access;
        this.pageGaps = pageGaps;
        this.directory = directory;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.db = db;
        this.pages = pages;
        this.outbox = outbox;
    }

    /** One message of the province's recent mail, as the console shows it (never a body). */
    public record MailRow(String to, String subject, String site, MailOutbox.Status status, String when,
                          @Nullable String lastError) {
    }

    /** How many of the province's latest messages the console shows; the API lists more. */
    private static final int RECENT_MAIL = 15;

    /** One line of the tree: the site, how deep it sits, and what the province watches. */
    public record Row(Tenant site, int depth, String host, int published, String lastActivity, String storage,
                      int children) {
    }

    @Get
    public HttpResponse<?> console(HttpRequest<?> request, Authentication auth) {
        return page(request, auth, new HashMap<>(), HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/de-nghi/{id}/duyet", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> approve(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                   @Body Map<String, String> form) {
        Tenant province = access.provinceOfForm(request, auth, form.get(AdminSession.CSRF_FIELD));
        return act(request, auth, () -> {
            var created = requests.approve(province, CurrentSite.of(request).baseDomain(), id,
                    LinkOrigin.of(request), ProvinceAdmins.actor(auth));
            Map<String, Object> model = new HashMap<>();
            model.put("created", created);
            model.put("createdName", directory.snapshot().byId(created.id()).name());
            model.put("createdLink", created.signInLink());
            model.put("mail", created.headMail());
            return model;
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/de-nghi/{id}/tu-choi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decline(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                   @Body Map<String, String> form) {
        Tenant province = access.provinceOfForm(request, auth, form.get(AdminSession.CSRF_FIELD));
        return act(request, auth, () -> {
            var mail = requests.decline(province, id, form.get("reason"), ProvinceAdmins.actor(auth));
            return new HashMap<>(Map.of("done", true, "mail", mail));
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/trang-thai", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> status(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        return act(request, auth, () -> {
            TenantStatus status;
            try {
                status = TenantStatus.valueOf(form.getOrDefault("status", ""));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.status-unknown", "status");
            }
            lifecycle.setStatus(site, status, ProvinceAdmins.actor(auth));
            return new HashMap<>(Map.of("done", true));
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/{id}/chinh-thuc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> goLive(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @Body Map<String, String> form) {
        Tenant site = access.siteOfForm(request, auth, form.get(AdminSession.CSRF_FIELD), id);
        return act(request, auth, () -> {
            String emc = form.getOrDefault("emcSiteId", "").strip();
            if (!emc.isEmpty()) {
                if (!emc.matches("[0-9]{1,12}")) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "tenant.emc-id", "emcSiteId");
                }
                lifecycle.setEmcSiteId(site, Long.parseLong(emc), ProvinceAdmins.actor(auth));
            }
            lifecycle.goLive(directory.snapshot().byId(id), ProvinceAdmins.actor(auth));
            return new HashMap<>(Map.of("done", true));
        });
    }

    /** Runs an action; a refusal becomes the page's error message (422, or what it says), not a bare error page. */
    private HttpResponse<?> act(HttpRequest<?> request, Authentication auth,
                                Supplier<Map<String, Object>> action) {
        try {
            return page(request, auth, action.get(), HttpStatus.OK);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("error", refused.detailKey());
            // e.g. going live refused: how many mandatory pages are not written, and their titles.
            model.put("errorArgs", refused.detailArgs());
            return page(request, auth, model, refused.status());
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                 HttpStatus status) {
        DirectorySnapshot dir = directory.snapshot();
        Tenant province = ProvinceAdmins.provinceFor(request, auth, dir);
        String bd = CurrentSite.of(request).baseDomain();
        // One page of the tree, filtered on the server: a province of 3,000 sites would otherwise
        // send every row (4 MB) and sum every site's articles and files for it.
        Filter filter = Filter.of(request);
        List<Placed> placed = new ArrayList<>();
        addTree(dir, province, 0, placed);
        List<Placed> matching = placed.stream().filter(p -> filter.matches(dir, p.site(), dir.hostOf(p.site(), bd)))
                .toList();
        Paged<Placed> paged = Paged.of(matching,
                request.getParameters().get(Paged.PARAM), filter.asQuery());
        List<Long> shown = paged.items().stream().map(p -> p.site().id()).toList();
        Map<Long, Integer> published = new HashMap<>();
        Map<Long, OffsetDateTime> last = new HashMap<>();
        Map<Long, Long> stored = new HashMap<>();
        // The province's board reads across its subtree; these sums, for the sites on this page, are all it reads.
        db.read(scopes.provinceBoard(province), ctx -> {
            ctx.select(ARTICLES.TENANT_ID, DSL.count()).from(ARTICLES)
                    .where(ARTICLES.STATUS.eq("PUBLISHED"), ARTICLES.TENANT_ID.in(shown)).groupBy(ARTICLES.TENANT_ID)
                    .fetch().forEach(r -> published.put(r.value1(), r.value2()));
            ctx.select(AUDIT_EVENTS.TENANT_ID, DSL.max(AUDIT_EVENTS.AT)).from(AUDIT_EVENTS)
                    .where(AUDIT_EVENTS.TENANT_ID.in(shown))
                    .groupBy(AUDIT_EVENTS.TENANT_ID).fetch().forEach(r -> last.put(r.value1(), r.value2()));
            ctx.fetch("SELECT tenant_id, sum(size_bytes)::bigint FROM (SELECT tenant_id, size_bytes FROM media "
                    + "WHERE tenant_id = ANY(?::bigint[]) UNION ALL SELECT tenant_id, size_bytes FROM media_variants "
                    + "WHERE tenant_id = ANY(?::bigint[])) s GROUP BY tenant_id", shown.toArray(Long[]::new),
                    shown.toArray(Long[]::new))
                    .forEach(r -> stored.put(r.get(0, Long.class), r.get(1, Long.class)));
            return null;
        });
        List<Row> rows = paged.items().stream().map(p -> {
            Tenant t = p.site();
            OffsetDateTime at = last.get(t.id());
            return new Row(t, p.depth(), dir.hostOf(t, bd), published.getOrDefault(t.id(), 0),
                    at == null ? "—" : WHEN.format(at.atZoneSameInstant(ProvinceTime.ZONE)),
                    String.format(Locale.ROOT, "%.1f MB", stored.getOrDefault(t.id(), 0L) / 1048576.0),
                    t.kind() == TenantKind.DISTRICT ? dir.children(t.id()).size() : 0);
        }).toList();
        model.put("rows", rows);
        model.put("paged", paged);
        model.put("filter", filter);
        model.put("statuses", List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED,
                TenantStatus.ARCHIVED, TenantStatus.MERGED));
        model.put("districts", dir.children(province.id()).stream().filter(t -> t.kind() == TenantKind.DISTRICT)
                .sorted(Comparator.comparing(Tenant::name)).toList());
        // What keeps each site that is not live yet from going live: its unwritten mandatory pages.
        Map<Long, Integer> unwritten = new HashMap<>();
        List<Tenant> notLive = rows.stream().map(Row::site).filter(t -> !t.live()).toList();
        pageGaps.unwritten(notLive).forEach((id, gaps) -> unwritten.put(id, gaps.size()));
        model.put("unwrittenPages", unwritten);
        var all = requests.list(province);
        model.put("pending", all.stream().filter(r -> r.status() == SiteRequestStatus.PENDING).toList());
        model.put("kinds", List.of(TenantKind.DEPARTMENT, TenantKind.COMMUNE, TenantKind.WARD, TenantKind.DISTRICT));
        // Who was told what: the province sees its sites' mail (the outbox's wall is its subtree).
        model.put("mails", outbox.recent(scopes.provinceBoard(province), null).stream().limit(RECENT_MAIL)
                .map(m -> new MailRow(m.to(), m.subject(), dir.byId(m.tenantId()) == null ? "—"
                        : dir.byId(m.tenantId()).name(), m.status(),
                        WHEN.format((m.sentAt() != null ? m.sentAt() : m.createdAt()).atZoneSameInstant(ProvinceTime.ZONE)),
                        m.lastError()))
                .toList());
        return pages.page(request, "admin/sites", auth, model, status);
    }

    /** A site and how deep it sits in the province's tree. */
    record Placed(Tenant site, int depth) {
    }

    private static void addTree(DirectorySnapshot dir, Tenant t, int depth, List<Placed> out) {
        out.add(new Placed(t, depth));
        dir.children(t.id()).stream()
                .sorted(Comparator.comparing((Tenant c) -> c.kind().ordinal()).thenComparing(Tenant::name))
                .forEach(c -> addTree(dir, c, depth + 1, out));
    }

    /**
     * The console's filters, from the query: words of the name or host (marks and case ignored),
     * kind, status, and a district (the district and the sites under it).
     */
    public record Filter(String q, String kind, String status, String district) {
        static Filter of(HttpRequest<?> request) {
            var p = request.getParameters();
            return new Filter(p.get("q", String.class, "").strip(), p.get("loai", String.class, "").strip(),
                    p.get("trangThai", String.class, "").strip(), p.get("huyen", String.class, "").strip());
        }

        boolean matches(DirectorySnapshot dir, Tenant t, String host) {
            if (!q.isEmpty()) {
                String words = VietnameseText.fold(q);
                if (!VietnameseText.fold(t.name()).contains(words)
                        && !host.contains(q.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            if (!kind.isEmpty() && !t.kind().name().equals(kind)) {
                return false;
            }
            if (!status.isEmpty() && !t.status().name().equals(status)) {
                return false;
            }
            if (!district.isEmpty()) {
                boolean under = false;
                for (Tenant x = t; x != null; x = x.parentId() == null ? null : dir.byId(x.parentId())) {
                    if (String.valueOf(x.id()).equals(district)) {
                        under = true;
                        break;
                    }
                }
                return under;
            }
            return true;
        }

        /** Whether any filter is set (the tree is then a list of the sites that match). */
        public boolean any() {
            return !q.isEmpty() || !kind.isEmpty() || !status.isEmpty() || !district.isEmpty();
        }

        Map<String, String> asQuery() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("q", q);
            m.put("loai", kind);
            m.put("trangThai", status);
            m.put("huyen", district);
            return m;
        }
    }
}
