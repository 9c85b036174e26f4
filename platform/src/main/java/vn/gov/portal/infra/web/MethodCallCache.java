package vn.gov.portal.infra.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ognl.MethodAccessor;
import ognl.MethodFailedException;
import ognl.ObjectMethodAccessor;
import ognl.OgnlContext;
import ognl.OgnlRuntime;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Method calls in templates ({@code ${links.to('/')}}, {@code #strings.isEmpty(x)}) resolved once
 * per target class, method name and argument classes, then called directly.
 *
 * <p>Why: on every call OGNL picks the method among the overloads by comparing argument types,
 * asks Thymeleaf's access rules (which walk lists of blocked types), and invokes it inside
 * {@code synchronized (method)}, so concurrent renders queue on {@code links.to}. A quarter of
 * the template engine's time on an uncached page went there (ops/bench/RESULTS.md).
 *
 * <p>The answer is exactly OGNL's: the first call of a kind goes through OGNL's own choice of
 * method and Thymeleaf's access rules, and is remembered only when neither depends on more than
 * the classes (no null argument, no argument converted, no varargs) and the method is plainly
 * public. Everything else, refusals included, goes to OGNL's accessor every time, as before.
 */
public final class MethodCallCache implements MethodAccessor {
    private static final MethodCallCache INSTANCE = new MethodCallCache();
    /** Remembered: OGNL would not call this kind directly; always ask it. */
    private static final Method ASK_OGNL;

    static {
        try {
            ASK_OGNL = Object.class.getMethod("toString");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A kind of call; up to three arguments (templates rarely pass more). */
    private record Call(Class<?> target, String method, Class<?> a, Class<?> b, Class<?> c, int arity) {
    }

    private final ObjectMethodAccessor ognlDefault = new ObjectMethodAccessor();
    private final Map<Call, Method> resolved = new ConcurrentHashMap<>();

    private MethodCallCache() {
    }

    /** Registers it with OGNL for every class (a process-wide table, like OGNL's own default). */
    public static void install() {
        OgnlRuntime.setMethodAccessor(Object.class, INSTANCE);
    }

    @Override
    public Object callMethod(Map context, Object target, String methodName, Object[] args)
            throws MethodFailedException {
        Call call = call(target, methodName, args);
        if (call == null || !(context instanceof OgnlContext ognl)) {
            return ognlDefault.callMethod(context, target, methodName, args);
        }
        Method method = resolved.get(call);
        if (method == null) {
            method = resolve(ognl, target, methodName, args);
            resolved.put(call, method);
        }
        if (method == ASK_OGNL) {
            return ognlDefault.callMethod(context, target, methodName, args);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new MethodFailedException(target, methodName, e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new MethodFailedException(target, methodName, e);
        }
    }

    @Override
    public Object callStaticMethod(Map context, Class targetClass, String methodName, Object[] args)
            throws MethodFailedException {
        return ognlDefault.callStaticMethod(context, targetClass, methodName, args);
    }

    private static Call call(Object target, String methodName, Object[] args) {
        if (target == null || target instanceof Class<?> || args.length > 3) {
            return null;
        }
        Class<?>[] types = new Class<?>[3];
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                return null; // OGNL's choice then depends on more than classes
            }
            types[i] = args[i].getClass();
        }
        return new Call(target.getClass(), methodName, types[0], types[1], types[2], args.length);
    }

    /** OGNL's method for this kind of call, when calling it directly is exactly what OGNL would do. */
    private static Method resolve(OgnlContext context, Object target, String methodName, Object[] args) {
        try {
            Object[] actual = new Object[args.length];
            Method method = OgnlRuntime.getAppropriateMethod(context, target, target, null, methodName,
                    OgnlRuntime.getMethods(target.getClass(), methodName, false), args, actual);
            if (method == null || method.isVarArgs() || Modifier.isStatic(method.getModifiers())
                    || !Modifier.isPublic(method.getModifiers())
                    || !Modifier.isPublic(method.getDeclaringClass().getModifiers())
                    || !ExpressionUtils.isTypeAllowed(method.getDeclaringClass().getName())
                    || method.getDeclaringClass().getName().startsWith("ognl.")) {
                return ASK_OGNL;
            }
            for (int i = 0; i < args.length; i++) {
                if (actual[i] != args[i]) {
                    return ASK_OGNL; // converted
                }
            }
            // Thymeleaf's rules answer by the target's class and the method's name; a refusal
            // (false or an exception) is left for OGNL to report on every call.
            return context.getMemberAccess().isAccessible(context, target, method, null) ? method : ASK_OGNL;
        } catch (RuntimeException e) {
            return ASK_OGNL;
        }
    }
}
