package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.tenancy.CurrentSite;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.identity.ProvinceAdmins;

/**
 * Many sites from one CSV or XLSX file in the console ({@code /admin/trang-thanh-phan/tao-hang-loat}):
 * the upload is a dry run ({@link BulkProvisioning#dryRun}) listing every bad row by row, column
 * and message; a clean file comes back with the rows it would create and one button that
 * creates them all, or none ({@link BulkProvisioning#create} checks the file again first).
 *
 * <p>The confirmation carries the file itself (base64 in a hidden field, at most 2,000 rows), so
 * nothing is kept on the server between the two steps and any node can take the second. It is
 * checked again before anything is created, so an edited field gains nothing.
 */
@Controller("/admin/trang-thanh-phan/tao-hang-loat")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleBulkController {
    private final ConsoleAccess access;
    private final BulkProvisioning bulk;
    private final AdminPages pages;

    ConsoleBulkController(ConsoleAccess access, BulkProvisioning bulk, AdminPages pages) {
        this.access = access;
        this.bulk = bulk;
        this.pages = pages;
    }

    /** A row the dry run found good, as it will be created. */
    public record Preview(int row, String name, String kind, String subdomain, String parent, String headName,
                          String headEmail) {
    }

    /** A created row with its head's link, absolute on the new site's host. */
    public record Created(int row, String name, String host, String headUsername, String link) {
    }

    @Get
    public HttpResponse<?> form(HttpRequest<?> request, Authentication auth) {
        access.province(request, auth);
        return pages.page(request, "admin/sites-bulk", auth, new HashMap<>(), HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> dryRun(HttpRequest<?> request, Authentication auth, @Nullable @Part("_csrf") String csrf,
                                  @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        Tenant province = access.provinceOfForm(request, auth, csrf);
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String fileName = file == null ? "" : file.getFilename();
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", fileName);
        List<BulkFile.Line> lines = read(bytes, model);
        if (lines == null) {
            return pages.page(request, "admin/sites-bulk", auth, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        var report = bulk.dryRun(province, lines);
        model.put("report", report);
        if (!report.problems().isEmpty()) {
            return pages.page(request, "admin/sites-bulk", auth, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        model.put("preview", lines.stream().map(l -> new Preview(l.row(), l.get("name"), l.get("kind"),
                l.get("subdomain"), l.get("parent"), l.get("headName"), l.get("headEmail"))).toList());
        model.put("data", Base64.getEncoder().encodeToString(bytes));
        return pages.page(request, "admin/sites-bulk", auth, model, HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/tao", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        Tenant province = access.provinceOfForm(request, auth, form.get(AdminSession.CSRF_FIELD));
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", form.getOrDefault("fileName", ""));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(form.getOrDefault("data", ""));
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        List<BulkFile.Line> lines = read(bytes, model);
        if (lines == null) {
            return pages.page(request, "admin/sites-bulk", auth, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        var report = bulk.create(province, CurrentSite.of(request).baseDomain(), lines, LinkOrigin.of(request),
                ProvinceAdmins.actor(auth));
        model.put("report", report);
        if (report.created().isEmpty()) {
            // Something changed since the dry run (a label taken meanwhile): nothing was created.
            return pages.page(request, "admin/sites-bulk", auth, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Map<Integer, String> names = new HashMap<>();
        lines.forEach(l -> names.put(l.row(), l.get("name")));
        // The heads' links exist only in this answer (only their SHA-256 is stored): shown here, never kept.
        model.put("created", report.created().stream().map(c -> new Created(c.row(), names.get(c.row()), c.host(),
                c.headUsername(), c.signInLink())).toList());
        return pages.page(request, "admin/sites-bulk", auth, model, HttpStatus.OK);
    }

    /** The file's rows, or null with the reason it cannot be read in the model (the API's own messages). */
    private static @Nullable List<BulkFile.Line> read(byte[] bytes, Map<String, Object> model) {
        try {
            List<BulkFile.Line> lines = BulkFile.read(bytes);
            if (lines.isEmpty()) {
                model.put("error", "bulk.empty");
                return null;
            }
            return lines;
        } catch (BulkFile.Unreadable e) {
            model.put("error", e.getMessage());
            return null;
        }
    }
}
