package vn.gov.portal.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;

/**
 * The demo province, created on first start: Thái Nguyên with the real 2025 list of its
 * departments, wards and communes (demo/thainguyen_units.csv, official codes included).
 *
 * <p>Two communes, Văn Lăng (05665) and Văn Lang (02143), fold to the same label "vanlang".
 * The batch check refuses such a list; here neither gets the bare label (serving one under
 * the other's name would mislead its citizens): each gets its official code appended, and
 * the province can rename them later.
 */
@Singleton
@Requires(property = "portal.demo.enabled", value = "true")
public class DemoProvince {
    private static final Logger LOG = LoggerFactory.getLogger(DemoProvince.class);
    static final String SUBDOMAIN = "thainguyen";

    private final TenantProvisioning provisioning;
    private final TenantDirectory directory;
    private final List<String> baseDomains;
    private final DemoAccounts accounts;
    private final DemoPages pages;

    public DemoProvince(TenantProvisioning provisioning, TenantDirectory directory, DemoAccounts accounts,
                        DemoPages pages,
                        @Value("${portal.demo.base-domains:thainguyen.localhost}") List<String> baseDomains) {
        this.pages = pages;
        this.provisioning = provisioning;
        this.directory = directory;
        this.baseDomains = baseDomains;
        this.accounts = accounts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        var existing = directory.snapshot().provinces().stream().filter(p -> p.subdomain().equals(SUBDOMAIN))
                .findFirst();
        if (existing.isPresent()) {
            accounts.ensure(existing.get());
            writePages(existing.get());
            return;
        }
        List<Unit> units = Unit.read(csv());
        Unit province = units.stream().filter(u -> u.kind().equals("province")).findFirst().orElseThrow();
        List<TenantProvisioning.NewSite> sites = resolveCollisions(units.stream()
                .filter(u -> !u.kind().equals("province")).map(DemoProvince::site).toList());
        long id = provisioning.createProvince(new TenantProvisioning.NewProvince(SUBDOMAIN, province.name(),
                province.code(), baseDomains, "TN-2026", List.of("vi", "en", "ko", "zh", "ja"),
                Tenant.Branding.footer(null, "#b71c1c", "Ủy ban nhân dân tỉnh Thái Nguyên",
                        "Trưởng Ban Biên tập Cổng Thông tin điện tử tỉnh", "(dữ liệu mẫu) tỉnh Thái Nguyên",
                        "(dữ liệu mẫu)", "bbt@" + baseDomains.getFirst())), sites, "system:demo");
        provisioning.setEnglishName(id, "Thai Nguyen Province", "system:demo");
        LOG.info("Demo province created (tenant {}), {} component sites, at {}", id, sites.size(), baseDomains);
        accounts.ensure(directory.snapshot().byId(id));
        writePages(directory.snapshot().byId(id));
    }

    /** The demo's sites are live: their mandatory pages are written, with sample text (DemoPages). */
    private void writePages(Tenant province) {
        int written = pages.ensure(province, directory.snapshot());
        if (written > 0) {
            LOG.info("Demo pages written: {} mandatory pages of the demo sites", written);
        }
    }

    private static TenantProvisioning.NewSite site(Unit u) {
        TenantKind kind = TenantKind.valueOf(u.kind().toUpperCase());
        return new TenantProvisioning.NewSite(kind, u.subdomain(), u.name(), u.code(), null,
                Tenant.Branding.footer(null, null, u.name(), "Trưởng Ban Biên tập", "(dữ liệu mẫu)", "(dữ liệu mẫu)",
                        null));
    }

    /** Labels the batch check would refuse as duplicates get the unit's official code appended. */
    static List<TenantProvisioning.NewSite> resolveCollisions(List<TenantProvisioning.NewSite> sites) {
        Map<String, Integer> counts = new HashMap<>();
        sites.forEach(s -> counts.merge(s.subdomain(), 1, Integer::sum));
        List<TenantProvisioning.NewSite> out = new ArrayList<>();
        for (TenantProvisioning.NewSite s : sites) {
            if (counts.get(s.subdomain()) > 1 && s.adminCode() != null) {
                LOG.warn("Label '{}' is shared by several units; {} gets '{}-{}'", s.subdomain(), s.name(),
                        s.subdomain(), s.adminCode());
                out.add(new TenantProvisioning.NewSite(s.kind(), s.subdomain() + "-" + s.adminCode(), s.name(),
                        s.adminCode(), s.parentSubdomain(), s.branding()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    static String csv() {
        try (InputStream in = DemoProvince.class.getClassLoader().getResourceAsStream("demo/thainguyen_units.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of the units file: kind,name,code,subdomain,subdomain_status,source. */
    record Unit(String kind, String name, String code, String subdomain) {
        static List<Unit> read(String text) {
            List<Unit> units = new ArrayList<>();
            String[] lines = text.split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<String> f = fields(lines[i]);
                units.add(new Unit(f.get(0), f.get(1), f.get(2).isEmpty() ? null : f.get(2), f.get(3)));
            }
            return units;
        }

        /** RFC 4180 fields: quotes around values with commas, doubled quotes inside. */
        static List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
