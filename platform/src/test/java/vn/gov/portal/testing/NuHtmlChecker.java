package vn.gov.portal.testing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML checker (the engine of validator.w3.org/nu), run in this process on a page's
 * HTML. It checks what a browser forgives and an accessibility tool may not: nesting, required
 * attributes ({@code <time datetime>}), duplicate ids, ARIA roles, a second doctype. Errors
 * count; warnings and notes (the checker's advice) do not, as on the W3C's service.
 *
 * <p>Setting up the HTML schema takes a few seconds; make one checker and reuse it.
 */
public final class NuHtmlChecker {
    /** HTML + SVG + MathML + RDFa, with the assertions: the schema the W3C service uses for text/html. */
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
    private final Collected collected = new Collected();

    public NuHtmlChecker() {
        try {
            validator.setUpMainSchema(SCHEMA, collected);
            validator.setUpValidatorAndParsers(collected, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu checker's HTML schema", e);
        }
        collected.errors.clear();
    }

    /** The errors the checker finds in this page, each as "line:column message"; empty when valid. */
    public synchronized List<String> errors(String html) {
        collected.errors.clear();
        InputSource source = new InputSource(new StringReader(html));
        source.setEncoding("UTF-8");
        try {
            validator.checkHtmlInputSource(source);
        } catch (SAXException e) {
            // A fatal error was already reported to the handler; the document stops there.
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(collected.errors);
    }

    private static final class Collected implements ErrorHandler {
        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
