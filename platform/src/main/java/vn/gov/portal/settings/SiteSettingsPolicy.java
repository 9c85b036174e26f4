package vn.gov.portal.settings;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.portal.identity.Permission;

/**
 * The limits and fixed parts of site settings, in one place. base/chrome.html renders the
 * mandatory menu entries in these places; keep the two in step.
 */
public final class SiteSettingsPolicy {
    private SiteSettingsPolicy() {
    }

    /**
     * Who may change a site's settings ({@link Permission#MANAGE_SETTINGS}): its own site admin and head, the province board's head and
     * site admin (on every site of the province), the platform admin. Editors and contributors
     * write content, not the site's identity.
     */
    public static boolean mayManage(Collection<String> roles) {
        return Permission.MANAGE_SETTINGS.allowsSeats(roles);
    }

    /** A mandatory menu entry: its key, label (message key) and address; {@code first}: before the board's entries. */
    public record Fixed(String key, String labelKey, String url, boolean first) {
    }

    /**
     * The entries every site's menu has (TT 32/2017 Đ16: home, introduction, public services,
     * contact, site map, search); a component site also links its parent portal ("parent").
     */
    public static final List<Fixed> FIXED_MENU = List.of(
            new Fixed("home", "menu.home", "/", true),
            new Fixed("about", "menu.about", "/gioi-thieu", true),
            new Fixed("public-services", "menu.public-services", "https://dichvucong.gov.vn/", true),
            new Fixed("contact", "menu.contact", "/lien-he", false),
            new Fixed("sitemap", "menu.sitemap", "/so-do-cong", false),
            new Fixed("search", "search.title", "/tim-kiem", false));
    public static final String PARENT_KEY = "parent";

    /** The board's own entries: how many, and how long a label and an address may be. */
    public static final int MAX_MENU_ITEMS = 12;
    public static final int MAX_MENU_LABEL = 60;
    public static final int MAX_URL = 500;

    /**
     * Home blocks each theme's home page knows (base/fragments.html). The province portal also has
     * what component sites provided and its directory of sites; component homes have neither.
     */
    public static final Map<String, List<String>> HOME_BLOCKS = Map.of(
            "portal", List.of("featured", "latest", "categories", "provided", "pages", "directory"),
            "department", List.of("featured", "latest", "categories", "pages"),
            "commune", List.of("featured", "latest", "categories", "pages"));
    public static final List<String> DEFAULT_THEME_BLOCKS = List.of("featured", "latest", "categories", "pages");

    public static List<String> homeBlocksOf(String theme) {
        return HOME_BLOCKS.getOrDefault(theme, DEFAULT_THEME_BLOCKS);
    }

    /** Lengths of the text fields (the database holds name 2–200, English name 2–200). */
    public static final int MAX_NAME = 200;
    public static final int MAX_SHORT_NAME = 60;
    public static final int MAX_FOOTER_LINE = 300;
    public static final int MAX_PHONE = 40;
    public static final int MAX_EMAIL = 254;

    /**
     * Phone and fax as people write them: digits, spaces, dots, dashes, brackets, a leading +,
     * and 6 to 20 digits (a local number with its area code, or one with an extension).
     */
    public static final Pattern PHONE = Pattern.compile("^\\+?(?:[ .()\\-]*[0-9]){6,20}[ .()\\-]*$");
    /** A plausible address, not a full RFC 5322 parse: something@host.tld without spaces. */
    public static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    /**
     * The emblem's types: PNG or JPEG only (the media library also takes GIF, which an emblem
     * does not need). DO NOT add SVG: it can carry script.
     */
    public static final Set<String> EMBLEM_TYPES = Set.of("image/png", "image/jpeg");
    /** The variant the header shows: 320 px wide at most, enough for a 64 px emblem on any screen. */
    public static final String EMBLEM_VARIANT = "thumb";
}
