package vn.gov.portal.infra.text;

/** Escaping for text placed in HTML or XML built by hand (templates escape by themselves). */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
