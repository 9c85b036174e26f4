package vn.gov.portal.backoffice;

import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One page of a back-office list (50 rows) and the links to the others, which keep the list's
 * filters: a province of 3,000 sites sends one page, not the whole list (4 MB before).
 *
 * @param query the filters as a query string without the page number ("" when none)
 */
public record Paged<T>(List<T> items, int page, int pages, int total, String query) {
    public static final int SIZE = 50;
    /** The page number's parameter, as the public category pages name it. */
    public static final String PARAM = "trang";

    /** The page {@code requested} (1 when absent or not a number; the last when past it) of {@code all}. */
    public static <T> Paged<T> of(List<T> all, @Nullable String requested, Map<String, String> filters) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = 1;
        try {
            page = requested == null || requested.isBlank() ? 1 : Integer.parseInt(requested.strip());
        } catch (NumberFormatException e) {
            page = 1;
        }
        page = Math.min(Math.max(page, 1), pages);
        List<T> items = all.subList(Math.min(all.size(), (page - 1) * SIZE), Math.min(all.size(), page * SIZE));
        return new Paged<>(List.copyOf(items), page, pages, all.size(), query(filters));
    }

    /**
     * A page the database cut already ({@code LIMIT}/{@code OFFSET}): for lists too long to load
     * whole, such as an audit log. {@code page} is the one fetched, {@code total} all matching rows.
     */
    public static <T> Paged<T> ofPage(List<T> items, int page, int total, Map<String, String> filters) {
        return new Paged<>(List.copyOf(items), page, Math.max(1, (total + SIZE - 1) / SIZE), total, query(filters));
    }

    /** The page number asked for: 1 when absent, not a number or below 1. */
    public static int requested(@Nullable String requested) {
        try {
            return requested == null || requested.isBlank() ? 1 : Math.max(1, Integer.parseInt(requested.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The filters that are set, encoded in their given order. */
    static String query(Map<String, String> filters) {
        StringBuilder q = new StringBuilder();
        new LinkedHashMap<>(filters).forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append(q.isEmpty() ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    /** The address of page {@code n} of the same list, relative to the list's own path. */
    public String href(int n) {
        return "?" + query + (query.isEmpty() ? "" : "&") + PARAM + "=" + n;
    }

    /** Page numbers worth a link: the first, the last, and two either side of this one. */
    public List<Integer> numbers() {
        TreeSet<Integer> n = new TreeSet<>(List.of(1, pages));
        for (int i = page - 2; i <= page + 2; i++) {
            if (i >= 1 && i <= pages) {
                n.add(i);
            }
        }
        return new ArrayList<>(n);
    }

    /** The position of the first row shown (1-based; 0 when empty) and of the last. */
    public int from() {
        return total == 0 ? 0 : (page - 1) * SIZE + 1;
    }

    public int to() {
        return (page - 1) * SIZE + items.size();
    }
}
