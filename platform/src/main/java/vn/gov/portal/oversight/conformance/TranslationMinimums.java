package vn.gov.portal.oversight.conformance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.pages.MandatoryPage;
import vn.gov.portal.pages.MandatoryPages;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The minimum content a province must publish in another language (VP 2017 Đ4.15: the English
 * channel of the province's portal), from its preset ({@code preset_translation_minimums}, V35),
 * against the translations its board has had approved. Read live, not by the daily scan: a board
 * that has just approved a translation sees the item done at once. Only the province's own portal
 * is the channel the rule names, so component sites have no such list. Checks no rights: the
 * callers have.
 */
@Singleton
public class TranslationMinimums {
    private final TenantDb db;
    private final TenantDirectory directory;

    public TranslationMinimums(TenantDb db, TenantDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    /**
     * Where one item of the rule stands.
     * COMPLETE: every page carrying it has an approved translation; MISSING: some have none
     * ({@code missing}); MANUAL: no page of the site carries it, the board publishes it by hand and
     * nothing checks it automatically.
     */
    public enum State { COMPLETE, MISSING, MANUAL }

    /**
     * A page of the item whose translation is not approved yet, and where the board translates it;
     * {@code translatePath} null while the site does not offer the language (nothing to open yet).
     */
    @Serdeable
    public record MissingPage(String slug, String title, @Nullable String translatePath) {
    }

    /**
     * One item of the rule, e.g. VP 2017 Đ4.15a, in {@code language}; {@code offered} false when the
     * site has turned that language off, which the board must undo before it can translate anything.
     */
    @Serdeable
    public record Item(String key, String title, String legalBasis, String language, boolean offered, State state,
                       List<String> pages, List<MissingPage> missing) {
    }

    /** The items for {@code site}, in the preset's order; empty when its preset asks for none or it is not a province. */
    public List<Item> of(Tenant site) {
        if (site.kind() != TenantKind.PROVINCE || site.presetId() == null) {
            return List.of();
        }
        long presetId = site.presetId();
        List<String> offered = directory.snapshot().languagesOf(site);
        return db.read(TenantScope.of(site.id()), ctx -> {
            var rules = ctx.fetch("""
                    SELECT item_key, title, page_keys, legal_basis, language FROM preset_translation_minimums
                    WHERE preset_id = ? ORDER BY language, position, item_key""", presetId);
            if (rules.isEmpty()) {
                return List.<Item>of();
            }
            Map<String, MandatoryPage> pages = MandatoryPages.read(ctx, presetId, TenantKind.PROVINCE).stream()
                    .collect(Collectors.toMap(MandatoryPage::key, Function.identity()));
            // A translation counts once a version of it has been approved (a placeholder never was, V28).
            Set<String> approved = new HashSet<>();
            ctx.fetch("SELECT language, slug FROM pages WHERE tenant_id = ? AND language <> 'vi' AND NOT placeholder",
                    site.id()).forEach(r -> approved.add(r.get(0, String.class) + "/" + r.get(1, String.class)));
            List<Item> items = new ArrayList<>();
            for (var r : rules) {
                String language = r.get(4, String.class);
                String[] keys = r.get(2, String[].class);
                boolean open = offered.contains(language);
                List<String> titles = new ArrayList<>();
                List<MissingPage> missing = new ArrayList<>();
                // A key the province has dropped from its mandatory pages carries nothing to check.
                for (String key : keys == null ? List.<String>of() : Arrays.asList(keys)) {
                    MandatoryPage page = pages.get(key);
                    if (page == null) {
                        continue;
                    }
                    titles.add(page.title());
                    if (!approved.contains(language + "/" + page.slug())) {
                        missing.add(new MissingPage(page.slug(), page.title(), !open ? null : "/admin/trang/"
                                + page.slug() + "?ngonNgu=" + URLEncoder.encode(language, StandardCharsets.UTF_8)));
                    }
                }
                State state = titles.isEmpty() ? State.MANUAL : missing.isEmpty() ? State.COMPLETE : State.MISSING;
                items.add(new Item(r.get(0, String.class), r.get(1, String.class), r.get(3, String.class), language,
                        open, state, List.copyOf(titles), List.copyOf(missing)));
            }
            return items;
        });
    }
}
