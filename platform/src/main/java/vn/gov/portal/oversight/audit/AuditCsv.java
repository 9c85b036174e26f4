package vn.gov.portal.oversight.audit;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.time.ProvinceTime;

/**
 * The audit log as CSV, written while it is read: UTF-8 with a byte-order mark (so Excel reads the
 * Vietnamese headers and names right), one row per entry, newest first. The rows come in pieces
 * ({@link AuditTrail#after}) on a thread of its own into a pipe the response reads, so a long log
 * is never held whole in memory and a client that goes away stops the reading.
 */
final class AuditCsv {
    private static final Logger LOG = LoggerFactory.getLogger(AuditCsv.class);
    static final int PIECE = 1000;
    private static final String HEADER = "Thời điểm,Mã đơn vị,Đơn vị,Đã xóa,Người thực hiện,Hành động,Đối tượng,"
            + "Địa chỉ IP,Chi tiết\r\n";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditCsv() {
    }

    /** A stream of the whole CSV; {@code next} gives the piece after an entry (after null: the first). */
    static InputStream stream(Function<AuditTrail.Entry, List<AuditTrail.Entry>> next) {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("audit-csv").start(() -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                w.write(HEADER);
                AuditTrail.Entry last = null;
                while (true) {
                    List<AuditTrail.Entry> piece = next.apply(last);
                    for (AuditTrail.Entry e : piece) {
                        w.write(row(e));
                    }
                    w.flush();
                    if (piece.size() < PIECE) {
                        break;
                    }
                    last = piece.get(piece.size() - 1);
                }
            } catch (IOException e) {
                // The client went away (the pipe is closed): nothing more to write.
                LOG.debug("Audit export stopped: {}", e.toString());
            } catch (RuntimeException e) {
                LOG.error("Audit export failed", e);
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already closing
                }
            }
        });
        return in;
    }

    static String row(AuditTrail.Entry e) {
        return String.join(",", cell(WHEN.format(e.at().atZoneSameInstant(ProvinceTime.ZONE))),
                cell(Long.toString(e.siteId())), cell(e.site() + " — " + e.siteName()), cell(e.siteDeleted() ? "có" : ""),
                cell(e.actor()), cell(e.action()), cell(e.subject()), cell(e.sourceIp()), cell(e.detail())) + "\r\n";
    }

    /**
     * One field, quoted when it must be; a field that a spreadsheet would take for a formula
     * (= + - @ first) is prefixed with an apostrophe, since subjects and details may hold what
     * someone typed (OWASP, CSV injection).
     */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
