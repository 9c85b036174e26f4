package vn.gov.portal.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.gov.portal.infra.security.Anyone;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.identity.Actor;

/** The site's categories: public to read, created by the head, deputies or the site administrator. */
@Controller("/api/v1/categories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CategoryApiController {
    private final Categories categories;

    public CategoryApiController(Categories categories) {
        this.categories = categories;
    }

    @Serdeable
    public record NewCategory(@Nullable String name, @Nullable Long parentId) {
    }

    @Anyone
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    public List<Categories.Category> list(HttpRequest<?> request) {
        return categories.tree(CurrentSite.tenant(request).id());
    }

    @Needs(Permission.MANAGE_CATEGORIES)
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Categories.Category> create(HttpRequest<?> request, Authentication auth,
                                                    @Body NewCategory body) {
        return HttpResponse.created(categories.create(CurrentSite.tenant(request).id(), Actor.of(auth),
                body.name(), body.parentId()));
    }
}
