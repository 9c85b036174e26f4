package vn.gov.portal.infra.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import ognl.PropertyAccessor;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Lets templates read record components ({@code ${site.name}}, {@code ${article.title}}) through
 * one cached method handle per record class and component name.
 *
 * <p>Why: records have no JavaBeans getters, so OGNL's own accessor finds {@code name()} by
 * scanning {@code Class.getMethods()} and lower-casing every method name, on every evaluation,
 * and Thymeleaf's shortcut for simple property chains gives up on records for the same reason.
 * That was a third of the CPU of an uncached public page (ops/bench/RESULTS.md).
 *
 * <p>It answers exactly what OGNL answered, faster. Anything that is not plainly a component
 * goes to OGNL's own accessor as before: other names (including {@code ${tenant.province}} for
 * {@code isProvince()}), components shadowed by a {@code getX()}/{@code isX()} method (OGNL
 * prefers the getter), and records of types Thymeleaf restricts (the JDK's), so its access
 * checks still apply to them. Maps, lists and other classes keep their own accessors: OGNL picks
 * an accessor by the object's class, its interfaces before its superclass, and this one is
 * registered for {@link Record} only.
 */
public final class RecordPropertyAccessor implements PropertyAccessor {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final RecordPropertyAccessor INSTANCE = new RecordPropertyAccessor();

    private final ObjectPropertyAccessor ognlDefault = new ObjectPropertyAccessor();
    private final ClassValue<Map<String, MethodHandle>> components = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return componentsOf(type);
        }
    };

    private RecordPropertyAccessor() {
    }

    /** Registers the accessor with OGNL (a process-wide table, as Thymeleaf's own accessors are). */
    public static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, INSTANCE);
    }

    @Override
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        if (name instanceof String component) {
            MethodHandle accessor = components.get(target.getClass()).get(component);
            if (accessor != null) {
                try {
                    return (Object) accessor.invokeExact(target);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new OgnlException(component, e);
                }
            }
        }
        return ognlDefault.getProperty(context, target, name);
    }

    /** Records are immutable: OGNL's accessor gives the answer it always gave. */
    @Override
    public void setProperty(Map context, Object target, Object name, Object value) throws OgnlException {
        ognlDefault.setProperty(context, target, name, value);
    }

    /** Only for OGNL's bytecode compilation, which Thymeleaf does not use. */
    @Override
    public String getSourceAccessor(OgnlContext context, Object target, Object index) {
        return ognlDefault.getSourceAccessor(context, target, index);
    }

    @Override
    public String getSourceSetter(OgnlContext context, Object target, Object index) {
        return ognlDefault.getSourceSetter(context, target, index);
    }

    private static Map<String, MethodHandle> componentsOf(Class<?> type) {
        RecordComponent[] recordComponents = type.getRecordComponents();
        if (recordComponents == null || !ExpressionUtils.isTypeAllowed(type.getName())) {
            return Map.of();
        }
        Map<String, MethodHandle> out = new HashMap<>();
        for (RecordComponent rc : recordComponents) {
            Method accessor = rc.getAccessor();
            if (!Modifier.isPublic(accessor.getModifiers()) || hasBeanGetter(type, rc.getName())) {
                continue;
            }
            try {
                // A public accessor of a non-public record (a nested view record) is what OGNL
                // called too; the handle only needs the access check lifted once.
                accessor.setAccessible(true);
                out.put(rc.getName(), MethodHandles.lookup().unreflect(accessor).asType(GETTER));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Left to OGNL, which reports it as before.
            }
        }
        return Map.copyOf(out);
    }

    /** {@code getName()} or {@code isName()}: OGNL reads a bean getter before anything else. */
    private static boolean hasBeanGetter(Class<?> type, String name) {
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : new String[] {"get" + capitalised, "is" + capitalised}) {
            try {
                Method m = type.getMethod(getter);
                if (!Modifier.isStatic(m.getModifiers())) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // none: the component it is
            }
        }
        return false;
    }
}
