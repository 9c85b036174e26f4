package vn.gov.portal.admin;

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
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import vn.gov.portal.identity.Members;
import vn.gov.portal.identity.MembersController;
import vn.gov.portal.identity.Role;
import io.micronaut.http.annotation.QueryValue;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;

/** The board's business beyond articles: proposals from component sites, members and handover. */
@Controller("/admin")
@vn.gov.portal.infra.web.ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminBoardController {
    private final Proposals proposals;
    private final Members members;
    private final TenantDirectory directory;
    private final AdminPages pages;
    private final MembersController api;

    public AdminBoardController(Proposals proposals, Members members, TenantDirectory directory, AdminPages pages,
                                MembersController api) {
        this.api = api;
        this.proposals = proposals;
        this.members = members;
        this.directory = directory;
        this.pages = pages;
    }

    // ----------------------------------------------------------------- proposals, members

    /** Proposals this site received from its component sites. */
    @Get("/de-xuat")
    public HttpResponse<?> proposals(HttpRequest<?> request, Authentication auth) {
        Actor actor = Actor.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("proposals", proposals.received(CurrentSite.tenant(request), actor, null));
        model.put("directory", directory.snapshot());
        return pages.page(request, "admin/proposals", auth, model, HttpStatus.OK);
    }

    @Post(value = "/de-xuat/{id}/{decision}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decide(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @PathVariable String decision, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Actor actor = Actor.of(auth);
        switch (decision) {
            case "chap-nhan" -> proposals.accept(CurrentSite.tenant(request), actor, id);
            case "tu-choi" -> proposals.decline(CurrentSite.tenant(request), actor, id, form.get("reason"));
            default -> throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return HttpResponse.seeOther(URI.create("/admin/de-xuat"));
    }

    // ----------------------------------------------------------------- the board

    /** The board: who sits on it, and the forms to seat a person, change a seat and end one. */
    @Get("/thanh-vien")
    public HttpResponse<?> members(HttpRequest<?> request, Authentication auth,
                                   @io.micronaut.core.annotation.Nullable @QueryValue String daLuu) {
        Map<String, Object> model = new HashMap<>();
        if (daLuu != null && DONE.contains(daLuu)) {
            model.put("done", "member.done." + daLuu);
        }
        return membersPage(request, auth, model, HttpStatus.OK);
    }

    @Post(value = "/thanh-vien/them", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> add(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Resolution.Found site = CurrentSite.of(request);
        try {
            var seated = members.add(site.tenant(), manager(auth), new Members.NewMember(form.get("fullName"),
                    form.get("email"), form.get("phone"), form.get("role")), api.siteAddress(request, site));
            // Rendered, not redirected: like the console's new head, the new person's link shows here once,
            // to pass on another way when no mail server is configured (the mail line says which).
            Map<String, Object> model = new HashMap<>();
            model.put("done", "member.done." + (seated.newAccount() ? "moi" : "cu"));
            model.put("seated", seated);
            return membersPage(request, auth, model, HttpStatus.OK);
        } catch (ProblemException refused) {
            Map<String, Object> model = new HashMap<>();
            model.put("error", refused.detailKey());
            model.put("typed", form);
            return membersPage(request, auth, model, refused.status());
        }
    }

    @Post(value = "/thanh-vien/{accountId}/vai-tro", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(HttpRequest<?> request, Authentication auth, @PathVariable long accountId,
                                  @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        try {
            members.changeSeat(CurrentSite.tenant(request).id(), manager(auth), accountId, form.get("role"));
            return HttpResponse.seeOther(URI.create("/admin/thanh-vien?daLuu=vai-tro"));
        } catch (ProblemException refused) {
            return refused(request, auth, refused);
        }
    }

    /** Ends a seat with its handover (the form has always been here; the API's DELETE does the same). */
    @Post(value = "/thanh-vien/ban-giao", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> handOver(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        try {
            long from = Long.parseLong(form.getOrDefault("from", "0"));
            long to = Long.parseLong(form.getOrDefault("to", "0"));
            members.handOver(CurrentSite.tenant(request).id(), manager(auth), from, to);
            return HttpResponse.seeOther(URI.create("/admin/thanh-vien?daLuu=ban-giao"));
        } catch (NumberFormatException e) {
            return refused(request, auth, new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-to-required"));
        } catch (ProblemException refused) {
            return refused(request, auth, refused);
        }
    }

    private static final java.util.Set<String> DONE = java.util.Set.of("vai-tro", "ban-giao");

    private HttpResponse<?> refused(HttpRequest<?> request, Authentication auth, ProblemException refused) {
        Map<String, Object> model = new HashMap<>();
        model.put("error", refused.detailKey());
        return membersPage(request, auth, model, refused.status());
    }

    /** The page, with what was typed (or nothing); a caller who does not manage the board gets the 403 page. */
    private HttpResponse<?> membersPage(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                        HttpStatus status) {
        model.put("members", members.list(CurrentSite.tenant(request).id(), java.util.Set.copyOf(auth.getRoles())));
        model.put("seats", java.util.Arrays.stream(Role.values()).filter(Role::isSeat)
                .filter(r -> r.rank() <= Members.rankOf(auth.getRoles())).toList());
        model.putIfAbsent("typed", Map.of());
        return pages.page(request, "admin/members", auth, model, status);
    }

    private static Members.Manager manager(Authentication auth) {
        return new Members.Manager(Actor.of(auth).label(), java.util.Set.copyOf(auth.getRoles()));
    }
}
