package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Templates read records through {@link RecordPropertyAccessor} and get what OGNL's own accessor
 * gave them: components, nested ones, nulls, and everything else (maps, lists, methods, getters)
 * as before.
 */
class RecordPropertyAccessorTest {
    public record Site(String name, Branding branding, boolean province) {
        public boolean isPortal() {
            return province;
        }

        public String shout() {
            return name.toUpperCase();
        }
    }

    public record Branding(String footer, List<Link> menu) {
    }

    public record Link(String label, String url) {
    }

    /** A getter beside a component of the same name: OGNL reads the getter, and still does. */
    public record Shadowed(String label) {
        public String getLabel() {
            return "from the getter";
        }
    }

    /** Package-private, as view records nested in a controller often are. */
    record Hidden(String value) {
    }

    private static final TemplateEngine ENGINE = new TemplateEngine();

    @BeforeAll
    static void engine() {
        RecordPropertyAccessor.install();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        ENGINE.setTemplateResolver(resolver);
    }

    private static String render(String template, Map<String, Object> model) {
        return ENGINE.process(template, new Context(java.util.Locale.ROOT, model));
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("site", new Site("Sở Tài chính", new Branding(null,
                List.of(new Link("Văn bản", "/van-ban"), new Link("Lịch", "/lich"))), false));
        model.put("shadowed", new Shadowed("from the component"));
        model.put("hidden", new Hidden("in reach"));
        model.put("map", Map.of("key", "value", "other key", "other", "site", new Site("Tỉnh", null, true)));
        return model;
    }

    @Test
    void isTheAccessorOgnlPicksForRecordsOnly() throws Exception {
        RecordPropertyAccessor.install();
        assertThat(OgnlRuntime.getPropertyAccessor(Site.class)).isInstanceOf(RecordPropertyAccessor.class);
        assertThat(OgnlRuntime.getPropertyAccessor(HashMap.class)).isNotInstanceOf(RecordPropertyAccessor.class);
        assertThat(OgnlRuntime.getPropertyAccessor(List.of().getClass())).isNotInstanceOf(RecordPropertyAccessor.class);
    }

    @Test
    void readsComponentsAndNestedComponents() {
        assertThat(render("[(${site.name})] | [(${site.branding.menu[1].label})] | [(${site.province})]", model()))
                .isEqualTo("Sở Tài chính | Lịch | false");
        assertThat(render("[# th:each=\"m : ${site.branding.menu}\"][(${m.url})];[/]", model()))
                .isEqualTo("/van-ban;/lich;");
    }

    @Test
    void nullComponentsStayNull() {
        assertThat(render("[(${site.branding.footer})]|[(${site.branding.footer == null})]|"
                + "[(${site.branding.footer != null ? 'x' : 'none'})]", model()))
                .isEqualTo("|true|none");
        Map<String, Object> model = model();
        model.put("site", new Site("Xã", null, false));
        assertThat(render("[(${site.branding == null ? 'no branding' : site.branding.footer})]", model))
                .isEqualTo("no branding");
        assertThatThrownBy(() -> render("[(${site.branding.footer})]", model))
                .isInstanceOf(TemplateProcessingException.class);
    }

    @Test
    void mapsAndListsKeepTheirAccessors() {
        assertThat(render("[(${map.key})] [(${map['other key']})] [(${map.site.name})] [(${map.missing})]", model()))
                .isEqualTo("value other Tỉnh ");
        assertThat(render("[(${#lists.size(site.branding.menu)})] [(${site.branding.menu.size()})]", model()))
                .isEqualTo("2 2");
    }

    @Test
    void whatIsNotAComponentIsOgnlsAsBefore() {
        // isPortal() as a bean property, a method call, and the getter that shadows a component
        assertThat(render("[(${site.portal})] [(${site.shout()})] [(${shadowed.label})] [(${shadowed.label()})]",
                model())).isEqualTo("false SỞ TÀI CHÍNH from the getter from the component");
        assertThatThrownBy(() -> render("[(${site.nothing})]", model()))
                .isInstanceOf(TemplateProcessingException.class);
    }

    @Test
    void readsNonPublicRecords() {
        assertThat(render("[(${hidden.value})]", model())).isEqualTo("in reach");
    }
}
