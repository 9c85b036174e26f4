package vn.gov.portal.publishing;

import static vn.gov.portal.db.Tables.CATEGORIES;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import vn.gov.portal.db.tables.records.CategoriesRecord;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.ContentChanged;

/** A site's category tree (chuyên mục). */
@Singleton
public class Categories {
    private final TenantDb db;
    private final ApplicationEventPublisher<ContentChanged> events;

    public Categories(TenantDb db, ApplicationEventPublisher<ContentChanged> events) {
        this.db = db;
        this.events = events;
    }

    /** A category in tree order, with its depth for indenting. */
    @Serdeable
    public record Category(long id, @Nullable Long parentId, String slug, String name, int depth) {
    }

    public List<Category> tree(long tenantId) {
        return db.read(TenantScope.of(tenantId), ctx -> {
            var rows = ctx.selectFrom(CATEGORIES).where(CATEGORIES.TENANT_ID.eq(tenantId))
                    .orderBy(CATEGORIES.POSITION, CATEGORIES.NAME).fetch();
            Map<Long, List<CategoriesRecord>> byParent = rows.stream()
                    .collect(Collectors.groupingBy(r -> r.getParentId() == null ? 0L : r.getParentId()));
            List<Category> out = new ArrayList<>();
            walk(byParent, 0L, 0, out);
            return out;
        });
    }

    private static void walk(Map<Long, List<CategoriesRecord>> byParent, long parent,
                             int depth, List<Category> out) {
        for (var r : byParent.getOrDefault(parent, List.of())) {
            out.add(new Category(r.getId(), r.getParentId(), r.getSlug(), r.getName(), depth));
            if (depth < 8) {
                walk(byParent, r.getId(), depth + 1, out);
            }
        }
    }

    public Category create(long tenantId, Actor actor, String name, @Nullable Long parentId) {
        actor.must(Permission.MANAGE_CATEGORIES);
        Category created = db.write(TenantScope.of(tenantId), ctx -> insert(ctx, tenantId, name, parentId, 0));
        events.publishEvent(new ContentChanged(tenantId)); // the site map lists the categories
        return created;
    }

    /** Whether {@code id} is a category of this site (inside the caller's transaction). */
    static boolean belongs(DSLContext ctx, long tenantId, long id) {
        return ctx.fetchExists(CATEGORIES, CATEGORIES.TENANT_ID.eq(tenantId), CATEGORIES.ID.eq(id));
    }

    static Category insert(DSLContext ctx, long tenantId, String rawName, @Nullable Long parentId, int position) {
        String name = VietnameseText.nfc(rawName);
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "category.name-invalid");
        }
        if (parentId != null && !belongs(ctx, tenantId, parentId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "category.parent-invalid");
        }
        String base = Slugs.of(name);
        String slug = base;
        for (int n = 2; ctx.fetchExists(CATEGORIES, CATEGORIES.TENANT_ID.eq(tenantId), CATEGORIES.SLUG.eq(slug)); n++) {
            slug = base + "-" + n;
        }
        var r = ctx.insertInto(CATEGORIES)
                .set(CATEGORIES.TENANT_ID, tenantId)
                .set(CATEGORIES.PARENT_ID, parentId)
                .set(CATEGORIES.SLUG, slug)
                .set(CATEGORIES.NAME, name)
                .set(CATEGORIES.POSITION, position)
                .returning().fetchOne();
        return new Category(r.getId(), r.getParentId(), r.getSlug(), r.getName(), 0);
    }
}
