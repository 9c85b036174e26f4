package vn.gov.portal.site;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/**
 * Static pages, always looked up within a tenant: there is deliberately no findById. Call it
 * inside a {@code TenantDb} transaction; outside one it sees no rows (row-level security).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PageRepository extends GenericRepository<Page, Long> {

    Optional<Page> findByTenantIdAndLanguageAndSlug(long tenantId, String language, String slug);

    Page save(Page page);
}
