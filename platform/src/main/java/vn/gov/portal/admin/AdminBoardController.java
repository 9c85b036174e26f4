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
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.publishing.Actor;
import vn.gov.portal.publishing.Proposals;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.TenantDirectory;

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

    public AdminBoardController(Proposals proposals, Members members, TenantDirectory directory, AdminPages pages) {
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

    @Get("/thanh-vien")
    public HttpResponse<?> members(HttpRequest<?> request, Authentication auth) {
        Map<String, Object> model = new HashMap<>();
        model.put("members", members.list(CurrentSite.tenant(request).id(), java.util.Set.copyOf(auth.getRoles())));
        return pages.page(request, "admin/members", auth, model, HttpStatus.OK);
    }

    @Post(value = "/thanh-vien/ban-giao", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> handOver(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        long from = Long.parseLong(form.getOrDefault("from", "0"));
        long to = Long.parseLong(form.getOrDefault("to", "0"));
        members.handOver(CurrentSite.tenant(request).id(), Actor.of(auth).label(), java.util.Set.copyOf(auth.getRoles()),
                from, to);
        return HttpResponse.seeOther(URI.create("/admin/thanh-vien"));
    }

}
