package vn.gov.portal.oversight.reports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A report as a file, in the format asked for, answered as a download. */
public final class ReportExports {
    private ReportExports() {
    }

    public static byte[] bytes(ReportDocument doc, ReportFormat format) {
        try {
            return switch (format) {
                case ODS -> OdsWriter.write(doc);
                case ODT -> OdtWriter.write(doc);
                case XLSX -> XlsxWriter.write(doc);
                case PDF -> PdfWriter.write(doc);
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Export of " + doc.fileName() + " as " + format + " failed", e);
        }
    }

    /** A download named "<name>.<format>", kept by nobody on the way (it may be a draft). */
    public static MutableHttpResponse<byte[]> download(ReportDocument doc, ReportFormat format) {
        String name = doc.fileName() + "." + format.extension();
        return HttpResponse.ok(bytes(doc, format)).contentType(format.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
