package vn.gov.portal.infra.cache;

/** What one node tells the others to forget, over the {@link CacheBus}. */
public sealed interface Invalidation {
    /** A site's published content changed: forget its pages. */
    record SiteContent(long tenantId) implements Invalidation {
    }

    /** The tenant directory changed (a site added, renamed, re-branded): reload it, and forget every page. */
    record Directory() implements Invalidation {
    }

    /** A province's working-day calendar changed: forget the copy in memory. */
    record Calendar(long provinceId) implements Invalidation {
    }

    /** Messages may have been lost while Redis was unreachable: forget everything. */
    record Everything() implements Invalidation {
    }

    /** The message text after the sender's node id. */
    static String encode(Invalidation invalidation) {
        return switch (invalidation) {
            case SiteContent c -> "content " + c.tenantId();
            case Directory d -> "directory";
            case Calendar c -> "calendar " + c.provinceId();
            case Everything e -> "everything";
        };
    }

    /**
     * The reverse of {@link #encode}. What this version does not understand (a newer node's
     * message during a rolling upgrade) is taken as "forget everything": stale pages are the
     * one thing the bus must never cause.
     */
    static Invalidation decode(String text) {
        String[] parts = text.split(" ");
        try {
            return switch (parts[0]) {
                case "content" -> new SiteContent(Long.parseLong(parts[1]));
                case "directory" -> new Directory();
                case "calendar" -> new Calendar(Long.parseLong(parts[1]));
                default -> new Everything();
            };
        } catch (RuntimeException e) {
            return new Everything();
        }
    }
}
