package vn.gov.portal.infra.web;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the theme templates of tenant-themes ({@code themes/<theme>/<name>.html}) to bytes.
 * Texts come from the message bundle {@code i18n/messages} (Vietnamese first; other languages
 * follow as {@code messages_en} etc.), never from the templates themselves.
 *
 * <p>Thymeleaf is slow next to a byte copy: callers cache what they render (see the page
 * cache); nothing on a cache hit should come here.
 */
@Singleton
public class Templates {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private final TemplateEngine engine = new TemplateEngine();
    private final Messages messages = new Messages();

    public Templates() {
        RecordPropertyAccessor.install();
        MethodCallCache.install();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("themes/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
        // Parsed expressions are kept in a cache of 500 by default; the themes and the back office
        // hold about 800 distinct ones, so a mix of pages would keep parsing them again.
        StandardCacheManager caches = new StandardCacheManager();
        caches.setExpressionCacheMaxSize(5000);
        engine.setCacheManager(caches);
    }

    public byte[] render(String template, Locale locale, Map<String, Object> model) {
        return engine.process(template, new Context(locale, model)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One fragment of a template (its {@code th:fragment} name), as text: for parts of pages that
     * callers render once and keep (see SiteChrome).
     */
    public String renderFragment(String template, String fragment, Locale locale, Map<String, Object> model) {
        return engine.process(new TemplateSpec(template, Set.of(fragment), TemplateMode.HTML, null),
                new Context(locale, model));
    }

    /** A text of the bundle, for places outside templates (problem details, headers). */
    public String message(Locale locale, String key, Object... args) {
        return messages.text(locale, key, args);
    }

    /**
     * Looks keys up in {@code i18n/messages}. English falls back to Vietnamese (the base bundle);
     * a language with a partial bundle (Korean, Chinese, …) falls back to English first, since its
     * reader is likelier to read English than Vietnamese.
     */
    static final class Messages implements IMessageResolver {
        private final Map<Locale, ResourceBundle> bundles = new ConcurrentHashMap<>();

        private ResourceBundle bundle(Locale locale) {
            return bundles.computeIfAbsent(locale, l -> ResourceBundle.getBundle("i18n/messages", l,
                    Templates.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                            ResourceBundle.Control.FORMAT_PROPERTIES)));
        }

        String text(Locale locale, String key, Object... args) {
            ResourceBundle bundle = bundle(locale);
            String language = locale.getLanguage();
            if (!language.equals("vi") && !language.equals("en") && !ownKeys(bundle).contains(key)) {
                bundle = bundle(Locale.ENGLISH);
            }
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                return null;
            }
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        }

        /** Keys the bundle defines itself, not through its Vietnamese parent. */
        private final Map<ResourceBundle, Set<String>> own = new ConcurrentHashMap<>();

        private Set<String> ownKeys(ResourceBundle bundle) {
            return own.computeIfAbsent(bundle, b -> {
                Set<String> keys = new HashSet<>();
                for (String k : Collections.list(b.getKeys())) {
                    if (b.getLocale().getLanguage().isEmpty() ? false : ownsKey(b, k)) {
                        keys.add(k);
                    }
                }
                return keys;
            });
        }

        private static boolean ownsKey(ResourceBundle b, String key) {
            return b instanceof PropertyResourceBundle p && p.handleGetObject(key) != null;
        }

        @Override
        public String getName() {
            return "portal-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
            return text(context.getLocale(), key, args == null ? new Object[0] : args);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] args) {
            return "??" + key + "??";
        }
    }
}
