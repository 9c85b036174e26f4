package vn.gov.portal.oversight.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an automated evaluator reads from a rendered page: its {@code <meta name="DC.…">} tags
 * and the EMC tracking snippet. Reads only the {@code <head>}, the way the checkers do, with
 * attributes in either order and either quote.
 */
public final class PageMeta {
    /** The Dublin Core elements that must never be empty (TT 24/2011). */
    public static final List<String> REQUIRED_DC = List.of("DC.title", "DC.creator", "DC.date", "DC.description",
            "DC.publisher", "DC.identifier");
    private static final Pattern META = Pattern.compile("<meta\\s+([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private final Map<String, String> meta;
    private final String html;

    private PageMeta(Map<String, String> meta, String html) {
        this.meta = meta;
        this.html = html;
    }

    public static PageMeta parse(String html) {
        int end = html.toLowerCase(Locale.ROOT).indexOf("</head>");
        String head = end < 0 ? html : html.substring(0, end);
        Map<String, String> meta = new LinkedHashMap<>();
        Matcher m = META.matcher(head);
        while (m.find()) {
            String name = null;
            String content = null;
            Matcher a = ATTR.matcher(m.group(1));
            while (a.find()) {
                String value = a.group(2) != null ? a.group(2) : a.group(3);
                switch (a.group(1).toLowerCase(Locale.ROOT)) {
                    case "name" -> name = value;
                    case "content" -> content = value;
                    default -> { }
                }
            }
            if (name != null) {
                meta.putIfAbsent(name, content == null ? "" : content);
            }
        }
        return new PageMeta(meta, html);
    }

    /** The required elements this page lacks, and those it carries empty, as "DC.x". */
    public List<String> missingDublinCore() {
        return REQUIRED_DC.stream().filter(n -> !meta.containsKey(n)).toList();
    }

    public List<String> emptyDublinCore() {
        return REQUIRED_DC.stream().filter(n -> meta.containsKey(n) && meta.get(n).isBlank()).toList();
    }

    /** Whether the page runs the EMC snippet with this site id, loading the national script. */
    public boolean hasEmcScript(long emcSiteId) {
        return html.contains("_govaq") && html.contains("'setSiteId','" + emcSiteId + "'")
                && html.contains("f-emc.ngsp.gov.vn/embed/gov-tracking.min.js");
    }
}
