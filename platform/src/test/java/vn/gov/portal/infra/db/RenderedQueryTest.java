package vn.gov.portal.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.portal.db.Tables.ARTICLES;

import org.jooq.Param;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A query rendered once keeps its shape: one placeholder per use of a named parameter, other
 * values written in, and a parameter that is missing or undeclared fails at start, not at the
 * first visitor. (Running it is covered by the pages that use it, against PostgreSQL.)
 */
class RenderedQueryTest {
    private static final Param<Long> TENANT = DSL.param("tenant", Long.class);
    private static final Param<String> SLUG = DSL.param("slug", String.class);

    @Test
    void eachUseOfAParameterIsAPlaceholderAndConstantsAreWrittenIn() {
        var other = ARTICLES.as("other");
        RenderedQuery q = RenderedQuery.of(DSL.select(ARTICLES.ID).from(ARTICLES)
                .where(ARTICLES.TENANT_ID.eq(TENANT), ARTICLES.SLUG.eq(SLUG), ARTICLES.STATUS.eq(DSL.inline("PUBLISHED")),
                        DSL.exists(DSL.selectOne().from(other).where(other.TENANT_ID.eq(TENANT),
                                other.ORIGINAL_ID.eq(ARTICLES.ID)))), TENANT, SLUG);
        assertThat(q.sql()).contains("\"articles\".\"tenant_id\" = ?", "\"articles\".\"slug\" = ?",
                "\"other\".\"tenant_id\" = ?", "'PUBLISHED'").doesNotContain(":");
        assertThat(q.sql().chars().filter(c -> c == '?').count()).isEqualTo(3);
    }

    @Test
    void refusesParametersItWasNotToldOfOrThatTheQueryLacks() {
        var select = DSL.select(ARTICLES.ID).from(ARTICLES).where(ARTICLES.TENANT_ID.eq(TENANT), ARTICLES.SLUG.eq(SLUG));
        assertThatThrownBy(() -> RenderedQuery.of(select, TENANT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slug");
        var tenantOnly = DSL.select(ARTICLES.ID).from(ARTICLES).where(ARTICLES.TENANT_ID.eq(TENANT));
        assertThatThrownBy(() -> RenderedQuery.of(tenantOnly, TENANT, SLUG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
    }
}
