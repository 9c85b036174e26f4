package vn.gov.portal.infra.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.types.CustomizableResponseType;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.web.BoundSites;
import vn.gov.portal.infra.web.RequestOrigin;

/**
 * The one place that audits two kinds of answers to a signed-in caller of the back office or the
 * API, whatever produced them (a permission check in a service, the security rules, a CSRF check):
 * <ul>
 *   <li>{@code access.refused}: a 403, with the method and path tried;</li>
 *   <li>{@code export.downloaded}: a file handed over as an attachment (site archives, reports,
 *       royalty statements, the audit log itself), with its path and file name.</li>
 * </ul>
 * Each goes into the log of the site whose host was asked, in a transaction of its own, after
 * the answer is decided: a refusal has no transaction to join, and a failed write here must not
 * turn the answer into an error, so it is logged instead. Anonymous refusals (401) are not
 * recorded here: they name nobody, and sign-ins are the sign-in feature's to audit.
 */
@ServerFilter(patterns = {"/admin/**", "/api/**"})
public class AuditedResponses {
    private static final Logger LOG = LoggerFactory.getLogger(AuditedResponses.class);
    private final TenantDb db;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final BoundSites sites;

    public AuditedResponses(TenantDb db, AuditLog audit, JsonMapper json,
                            @Named(TaskExecutors.BLOCKING) ExecutorService blocking, BoundSites sites) {
        this.sites = sites;
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.blocking = blocking;
    }

    /**
     * Most answers need nothing and pass at once, on whatever thread they are on; the few to
     * record are written on the blocking pool, and the answer leaves once the entry is in.
     */
    @ResponseFilter
    public CompletionStage<MutableHttpResponse<?>> record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean refused = response.code() == HttpStatus.FORBIDDEN.getCode();
        String disposition = refused ? null : disposition(response);
        boolean download = response.code() < 300 && disposition != null && disposition.startsWith("attachment");
        var auth = request.getUserPrincipal(Authentication.class).orElse(null);
        var site = sites.find(request).orElse(null);
        if ((!refused && !download) || auth == null || site == null) {
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.supplyAsync(() -> {
            write(request, response, auth, site.tenantId(), refused, disposition);
            return response;
        }, blocking);
    }

    private void write(HttpRequest<?> request, MutableHttpResponse<?> response, Authentication auth, long tenantId,
                       boolean refused, @Nullable String disposition) {
        boolean download = !refused;
        String actor = "account:" + auth.getAttributes().get("account") + ":" + auth.getName();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", request.getMethodName());
        detail.put("path", request.getPath());
        if (download) {
            detail.put("file", fileName(disposition));
        }
        try {
            String detailJson = json.writeValueAsString(detail);
            db.write(TenantScope.of(tenantId), ctx -> {
                audit.recordWithDetail(ctx, tenantId, actor, refused ? "access.refused" : "export.downloaded",
                        request.getMethodName() + " " + request.getPath(),
                        // Off the request's thread here: its address is passed, not looked up.
                        RequestOrigin.clientAddress(request), detailJson);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not audit {} {} ({}) for {}", request.getMethodName(), request.getPath(),
                    response.code(), actor, e);
        }
    }

    /**
     * The answer's Content-Disposition. A streamed file ({@code StreamedFile.attach}) only gets
     * its header when the body is written, after this filter: it is asked on a scratch response.
     */
    private static @Nullable String disposition(MutableHttpResponse<?> response) {
        String set = response.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION);
        if (set != null) {
            return set;
        }
        Object body = response.getBody().orElse(null);
        if (body instanceof CustomizableResponseType file) {
            MutableHttpResponse<?> scratch = HttpResponse.ok();
            file.process(scratch);
            return scratch.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION);
        }
        return null;
    }

    private static String fileName(String disposition) {
        var m = Pattern.compile("filename=\"?([^\";]+)").matcher(disposition);
        return m.find() ? m.group(1) : "";
    }
}
