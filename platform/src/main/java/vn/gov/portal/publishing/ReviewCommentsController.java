package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.List;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.identity.Actor;

/** Review comments on an article of this site ({@link ReviewComments}). */
@Controller("/api/v1/articles/{id}/comments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReviewCommentsController {
    private final ReviewComments comments;

    public ReviewCommentsController(ReviewComments comments) {
        this.comments = comments;
    }

    @Serdeable
    public record NewComment(@Nullable String body) {
    }

    @Needs(Permission.COMMENT_ON_REVIEWS)
    @Get
    public List<ReviewComments.Comment> list(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return comments.list(CurrentSite.tenant(request).id(), Actor.of(auth), id);
    }

    @Needs(Permission.COMMENT_ON_REVIEWS)
    @Post
    public HttpResponse<ReviewComments.Comment> add(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                                    @Body NewComment body) {
        return HttpResponse.created(comments.add(CurrentSite.tenant(request).id(), Actor.of(auth), id, body.body()));
    }
}
