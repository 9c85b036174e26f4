package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Locale;
import vn.gov.portal.infra.web.ProblemException;

/**
 * The files a report is exported as: the open formats state bodies exchange (ODS, ODT: TT 19/2011)
 * and the two everyone asks for (XLSX, PDF).
 */
public enum ReportFormat {
    ODS("application/vnd.oasis.opendocument.spreadsheet"),
    ODT("application/vnd.oasis.opendocument.text"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("application/pdf");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ?format=ods|odt|xlsx|pdf; null or blank: no file, the JSON. */
    public static @Nullable ReportFormat of(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return null;
        }
        for (ReportFormat f : values()) {
            if (f.extension().equals(format.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "report.format-unknown", "format");
    }
}
