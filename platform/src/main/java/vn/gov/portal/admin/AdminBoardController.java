package vn.gov.portal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import vn.gov.portal.identity.Members;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import io.micronaut.http.annotation.QueryValue;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.Resolution;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeForm;
import vn.gov.portal.backoffice.Forms;
import vn.gov.portal.backoffice.Refusal;

/** The board's business beyond articles: proposals from component sites, members and handover. */
@Controller("/admin")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminBoardController {
    private final Proposals proposals;
    private final Members members;
    private final TenantDirectory directory;
    private final AdminPages pages;
    private final Forms forms;

    public AdminBoardController(Proposals proposals, Members members, TenantDirectory directory, AdminPages pages,
                                Forms forms) {
        this.forms = forms;
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

    /** Accepting or declining a proposal; declining may say why. */
    @Serdeable
    record DecisionForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String reason)
            implements BackOfficeForm {
    }

    @Needs(Permission.REVIEW_ARTICLES)
    @Post(value = "/de-xuat/{id}/{decision}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decide(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                  @PathVariable String decision, @Body DecisionForm form) {
        // A refused decision is the error page, as before: the inbox has no form to re-render.
        AdminSession.verifyCsrf(request, form.csrf());
        Actor actor = Actor.of(auth);
        switch (decision) {
            case "chap-nhan" -> proposals.accept(CurrentSite.tenant(request), actor, id);
            case "tu-choi" -> proposals.decline(CurrentSite.tenant(request), actor, id, form.reason());
            default -> throw new ProblemException(HttpStatus.NOT_FOUND, "error.404.detail");
        }
        return HttpResponse.seeOther(URI.create("/admin/de-xuat"));
    }

    // ----------------------------------------------------------------- the board

    /** The board: who sits on it, and the forms to seat a person, change a seat and end one. */
    @Get("/thanh-vien")
    public HttpResponse<?> members(HttpRequest<?> request, Authentication auth,
                                   @Nullable @QueryValue String daLuu) {
        Map<String, Object> model = new HashMap<>();
        if (daLuu != null && DONE.contains(daLuu)) {
            model.put("done", "member.done." + daLuu);
        }
        return membersPage(request, auth, model, HttpStatus.OK);
    }

    /** A person to seat on the board; the service's checks name the field they refuse. */
    @Serdeable
    record NewMemberForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String fullName,
                         @Nullable String email, @Nullable String phone, @Nullable String role)
            implements BackOfficeForm {
        @Override
        public @Nullable String fieldFor(String detailKey) {
            return switch (detailKey) {
                case "member.full-name" -> "fullName";
                case "member.email" -> "email";
                case "member.phone" -> "phone";
                case "member.role" -> "role";
                default -> null;
            };
        }
    }

    @Serdeable
    record SeatForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String role)
            implements BackOfficeForm {
    }

    /** Who leaves (from) and who takes over their work (to), as account ids. */
    @Serdeable
    record HandoverForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String from,
                        @Nullable String to) implements BackOfficeForm {
    }

    @Needs(Permission.MANAGE_MEMBERS)
    @Post(value = "/thanh-vien/them", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> add(HttpRequest<?> request, Authentication auth, @Body NewMemberForm form) {
        Resolution.Found site = CurrentSite.of(request);
        return forms.submit(request, "member", form, () -> {
            var seated = members.add(site.tenant(), manager(auth), new Members.NewMember(form.fullName(),
                    form.email(), form.phone(), form.role()), LinkOrigin.siteAddress(request, site, directory.snapshot()));
            // Rendered, not redirected: like the console's new head, the new person's link shows here once,
            // to pass on another way when no mail server is configured (the mail line says which).
            Map<String, Object> model = new HashMap<>();
            model.put("done", "member.done." + (seated.newAccount() ? "moi" : "cu"));
            model.put("seated", seated);
            return membersPage(request, auth, model, HttpStatus.OK);
        }, refusal -> {
            Map<String, Object> model = refused(refusal);
            model.put("typed", form);
            return membersPage(request, auth, model, refusal.status());
        });
    }

    @Needs(Permission.MANAGE_MEMBERS)
    @Post(value = "/thanh-vien/{accountId}/vai-tro", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(HttpRequest<?> request, Authentication auth, @PathVariable long accountId,
                                  @Body SeatForm form) {
        return forms.submit(request, "seat", form, () -> {
            members.changeSeat(CurrentSite.tenant(request).id(), manager(auth), accountId, form.role());
            return HttpResponse.seeOther(URI.create("/admin/thanh-vien?daLuu=vai-tro"));
        }, refusal -> membersPage(request, auth, refused(refusal), refusal.status()));
    }

    /** Ends a seat with its handover (the form has always been here; the API's DELETE does the same). */
    @Needs(Permission.MANAGE_MEMBERS)
    @Post(value = "/thanh-vien/ban-giao", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> handOver(HttpRequest<?> request, Authentication auth, @Body HandoverForm form) {
        return forms.submit(request, "handover", form, () -> {
            long from;
            long to;
            try {
                from = Long.parseLong(form.from() == null ? "0" : form.from());
                to = Long.parseLong(form.to() == null ? "0" : form.to());
            } catch (NumberFormatException e) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "member.handover-to-required");
            }
            members.handOver(CurrentSite.tenant(request).id(), manager(auth), from, to);
            return HttpResponse.seeOther(URI.create("/admin/thanh-vien?daLuu=ban-giao"));
        }, refusal -> membersPage(request, auth, refused(refusal), refusal.status()));
    }

    private static final Set<String> DONE = Set.of("vai-tro", "ban-giao");

    /** The page's model for a refused form: the refusal (admin/fields.html reads it) and its message. */
    private static Map<String, Object> refused(Refusal refusal) {
        Map<String, Object> model = new HashMap<>();
        model.put("refusal", refusal);
        model.put("error", refusal.messageKey());
        return model;
    }

    /** The page, with what was typed (or nothing); a caller who does not manage the board gets the 403 page. */
    private HttpResponse<?> membersPage(HttpRequest<?> request, Authentication auth, Map<String, Object> model,
                                        HttpStatus status) {
        model.put("members", members.list(CurrentSite.tenant(request).id(), Set.copyOf(auth.getRoles())));
        model.put("seats", Arrays.stream(Role.values()).filter(Role::isSeat)
                .filter(r -> r.rank() <= Members.rankOf(auth.getRoles())).toList());
        model.putIfAbsent("typed", Map.of());
        return pages.page(request, "admin/members", auth, model, status);
    }

    private static Members.Manager manager(Authentication auth) {
        return new Members.Manager(Actor.of(auth).label(), Set.copyOf(auth.getRoles()));
    }
}
