package vn.gov.portal.publishing;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The allow-list every article body passes before it is stored: text formatting, headings,
 * lists, tables, links (http, https, mailto, relative) and images with their alt text.
 * DO NOT add script, style, event handlers, iframes or SVG: a board member's paste is not
 * trusted, and the body is shown on a government site.
 */
public final class HtmlPolicy {
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("figure", "figcaption", "hr", "br")
                    .allowAttributes("alt", "width", "height").onElements("img")
                    .toFactory());

    private HtmlPolicy() {
    }

    public static String sanitise(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
