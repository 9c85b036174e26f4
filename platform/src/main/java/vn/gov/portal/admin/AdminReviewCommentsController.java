package vn.gov.portal.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.util.Map;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.publishing.ReviewComments;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.backoffice.BackOfficeForm;

/**
 * The review page's comment form ({@link ReviewComments}). A refusal returns to the article's page,
 * which shows its Vietnamese message beside the form; an article the site lacks stays a 404.
 */
@Controller("/admin/bai-viet")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminReviewCommentsController {
    private final ReviewComments comments;

    public AdminReviewCommentsController(ReviewComments comments) {
        this.comments = comments;
    }

    @Serdeable
    record CommentForm(@JsonProperty(AdminSession.CSRF_FIELD) @Nullable String csrf, @Nullable String body)
            implements BackOfficeForm {
    }

    @Needs(Permission.COMMENT_ON_REVIEWS)
    @Post(value = "/{id}/gop-y", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> comment(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                   @Body CommentForm form) {
        AdminSession.verifyCsrf(request, form.csrf());
        // Not Forms.submit: the refusal goes back to the article's own page (a redirect), which
        // shows the message beside its comment form.
        try {
            comments.add(CurrentSite.tenant(request).id(), Actor.of(auth), id, form.body());
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + id + "#gop-y"));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            return HttpResponse.seeOther(URI.create("/admin/bai-viet/" + id + "?gopY=" + refused.detailKey() + "#gop-y"));
        }
    }
}
