package vn.gov.portal.infra.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A jOOQ select rendered to SQL text once, then run as a prepared statement with values for its
 * named parameters and read back through jOOQ's own bindings. Why: jOOQ renders SQL text from the
 * query tree on every execution, and for a large query on a hot path (an article's public page)
 * that was most of the JVM's database work, more than running the statement
 * (ops/bench/RESULTS.md, "Uncached render").
 *
 * <p>Only for queries whose shape never changes: everything that differs between runs must be a
 * named parameter ({@link DSL#param(String, Class)}); other values are written into the SQL as
 * literals when it is rendered. It runs inside the caller's {@link TenantDb} transaction, on its
 * connection, so the tenant scope and row-level security apply as to any query.
 */
public final class RenderedQuery {
    /** Marks parameters in the rendered text; nothing else in a query can look like it. */
    private static final String MARK = ":rendered_query_param_";
    private static final Pattern PARAMETER = Pattern.compile(Pattern.quote(MARK) + "([A-Za-z0-9_]+)");

    private final String sql;
    private final int[] argumentOfPlaceholder;
    private final Field<?>[] fields;

    private RenderedQuery(String sql, int[] argumentOfPlaceholder, Field<?>[] fields) {
        this.sql = sql;
        this.argumentOfPlaceholder = argumentOfPlaceholder;
        this.fields = fields;
    }

    /**
     * Renders {@code select}; {@code parameters} are its named parameters, in the order
     * {@link #fetch} takes their values. Fails at once if the query holds another one.
     */
    public static RenderedQuery of(Select<?> select, Param<?>... parameters) {
        List<String> names = Arrays.stream(parameters).map(Param::getParamName).toList();
        String named = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderNamedParamPrefix(MARK))
                .renderNamedOrInlinedParams(select);
        Matcher m = PARAMETER.matcher(named);
        StringBuilder sql = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            int argument = names.indexOf(m.group(1));
            if (argument < 0) {
                throw new IllegalArgumentException("Parameter " + m.group(1) + " is not declared");
            }
            order.add(argument);
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        for (int i = 0; i < names.size(); i++) {
            if (!order.contains(i)) {
                throw new IllegalArgumentException("Parameter " + names.get(i) + " is not in the query");
            }
        }
        return new RenderedQuery(sql.toString(), order.stream().mapToInt(Integer::intValue).toArray(),
                select.getSelect().toArray(Field<?>[]::new));
    }

    /** Runs the query with {@code values} for the declared parameters, in their order. */
    public Result<Record> fetch(DSLContext ctx, Object... values) {
        return ctx.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < argumentOfPlaceholder.length; i++) {
                    statement.setObject(i + 1, values[argumentOfPlaceholder[i]]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return ctx.fetch(rows, fields);
                }
            }
        });
    }

    /** The SQL as sent, with {@code ?} for each parameter. */
    public String sql() {
        return sql;
    }
}
