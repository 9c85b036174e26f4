package vn.gov.portal.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Method calls in templates answer what OGNL answered, the second time as the first: overloads,
 * converted and null arguments, exceptions, and calls Thymeleaf forbids. (Each case also passes
 * with OGNL's own accessor.)
 */
class MethodCallCacheTest {
    public static final class Calls {
        public String f(String s) {
            return "string " + s;
        }

        public String f(Object o) {
            return "object " + o;
        }

        public String twice(int n) {
            return "int " + (2 * n);
        }

        public String fails() {
            throw new IllegalStateException("boom");
        }
    }

    public record Site(String name) {
        public String nameIn(String language) {
            return language + ":" + name;
        }
    }

    private static final TemplateEngine ENGINE = new TemplateEngine();

    @BeforeAll
    static void engine() {
        RecordPropertyAccessor.install();
        MethodCallCache.install();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        ENGINE.setTemplateResolver(resolver);
    }

    private static String twice(String template, Map<String, Object> model) {
        String first = ENGINE.process(template, new Context(Locale.ROOT, model));
        String second = ENGINE.process(template, new Context(Locale.ROOT, model));
        assertThat(second).isEqualTo(first);
        return first;
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("calls", new Calls());
        model.put("site", new Site("Sở"));
        model.put("nothing", null);
        model.put("items", List.of("a", "b"));
        model.put("thread", Thread.currentThread());
        return model;
    }

    @Test
    void picksTheOverloadOgnlPicks() {
        assertThat(twice("[(${calls.f('x')})]|[(${calls.f(5)})]|[(${site.nameIn('en')})]", model()))
                .isEqualTo("object x|object 5|en:Sở"); // OGNL's choice, not Java's
    }

    @Test
    void convertedAndNullArgumentsStillWork() {
        assertThat(twice("[(${calls.twice('21')})]|[(${calls.f(nothing)})]", model()))
                .isEqualTo("int 42|object null");
    }

    @Test
    void expressionObjectsAndCollections() {
        assertThat(twice("[(${#strings.isEmpty('')})] [(${#lists.size(items)})] [(${items.size()})] "
                + "[(${'abc'.length()})]", model())).isEqualTo("true 2 2 3");
    }

    @Test
    void exceptionsAndForbiddenCallsAreReportedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> ENGINE.process("[(${calls.fails()})]", new Context(Locale.ROOT, model())))
                    .isInstanceOf(TemplateProcessingException.class).hasRootCauseMessage("boom");
            assertThatThrownBy(() -> ENGINE.process("[(${thread.getName()})]", new Context(Locale.ROOT, model())))
                    .isInstanceOf(TemplateProcessingException.class);
        }
    }
}
