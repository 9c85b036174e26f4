package vn.gov.portal.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A site's settings as its board reads and writes them ({@code GET/PUT /api/v1/site/settings}).
 * The read-only members ({@code emblemUrl}, {@code emcSiteId}, {@code homeBlocksAvailable},
 * {@code provinceLanguages}) tell a form what it may choose; a PUT ignores them, except that an
 * {@code emcSiteId} other than the site's is refused: the province sets it.
 */
@Serdeable
public record SiteSettings(@Nullable String name, @Nullable String englishName, @Nullable String shortName,
                           @Nullable Long emblemMediaId, @Nullable String emblemUrl, @Nullable Footer footer,
                           @Nullable List<MenuItem> menu, @Nullable List<String> homeBlocks,
                           @Nullable List<String> languages, @Nullable Long emcSiteId,
                           @Nullable List<String> homeBlocksAvailable, @Nullable List<String> provinceLanguages) {

    /** The footer every public page carries (TT 32/2017 Đ16); {@code licence} is the "Giấy phép" line. */
    @Serdeable
    public record Footer(@Nullable String agency, @Nullable String responsible, @Nullable String address,
                         @Nullable String phone, @Nullable String fax, @Nullable String email,
                         @Nullable String licence) {
    }

    /**
     * One entry of the main menu. The mandatory ones carry a {@code key} (home, about, …) and
     * {@code fixed: true}: they stay, in their places, with their own labels; the board's own
     * entries have no key and go between them in the order given.
     */
    @Serdeable
    public record MenuItem(@Nullable String key, @Nullable String label, @Nullable String url,
                           @Nullable Boolean fixed) {
    }
}
