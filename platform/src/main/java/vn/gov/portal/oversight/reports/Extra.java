package vn.gov.portal.oversight.reports;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A figure the platform adds below the annex's table, outside its columns (articles published in
 * the period, items the parent portal accepted): context for the board and the province, never
 * mixed into the annex's numbered columns.
 */
@Serdeable
public record Extra(String label, long value) {
}
