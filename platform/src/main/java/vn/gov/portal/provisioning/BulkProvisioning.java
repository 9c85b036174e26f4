package vn.gov.portal.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.LinkOrigin;
import vn.gov.portal.tenancy.SubdomainRules;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;
import vn.gov.portal.tenancy.TenantProvisioning;

/**
 * Many communes at once from a CSV or XLSX file: a dry run reports every bad row
 * before anything exists; creation checks again and creates all rows in one transaction, or
 * none. Each site gets its kind's theme, categories and pages, and its head an invited account
 * with a one-time link, mailed to the head's address from the file.
 */
@Singleton
public class BulkProvisioning {
    private final TenantDirectory directory;
    private final TenantProvisioning provisioning;
    private final SiteLifecycle lifecycle;

    public BulkProvisioning(TenantDirectory directory, TenantProvisioning provisioning, SiteLifecycle lifecycle) {
        this.directory = directory;
        this.provisioning = provisioning;
        this.lifecycle = lifecycle;
    }

    /** A bad row: its number as the spreadsheet shows it, the column, and the rule (a message key). */
    @Serdeable
    public record RowProblem(int row, String field, String rule, String value, @Nullable String message) {
        RowProblem(int row, String field, String rule, String value) {
            this(row, field, rule, value, null);
        }

        public RowProblem explained(Templates templates) {
            return new RowProblem(row, field, rule, value, templates.message(Templates.VIETNAMESE, rule));
        }
    }

    /** A created row: the site, its address, its head, the head's link and the e-mail carrying it. */
    @Serdeable
    public record RowCreated(int row, long id, String host, String headUsername, String signInLink,
                             MailOutbox.Queued headMail) {
    }

    @Serdeable
    public record Report(boolean dryRun, int rows, List<RowProblem> problems, List<RowCreated> created) {
    }

    public Report dryRun(Tenant province, List<BulkFile.Line> lines) {
        return new Report(true, lines.size(), check(province, lines), List.of());
    }

    /** Creates every row, or nothing: a file with any bad row comes back as the dry run's report. */
    public Report create(Tenant province, String baseDomain, List<BulkFile.Line> lines, LinkOrigin links,
                         String actor) {
        List<RowProblem> problems = check(province, lines);
        if (!problems.isEmpty() || lines.isEmpty()) {
            return new Report(false, lines.size(), problems, List.of());
        }
        List<TenantProvisioning.NewSite> sites = new ArrayList<>();
        for (BulkFile.Line l : lines) {
            sites.add(new TenantProvisioning.NewSite(kind(l.get("kind")), l.get("subdomain"), l.get("name"), null,
                    l.get("parent").isEmpty() ? null : l.get("parent"),
                    Tenant.Branding.footer(null, null, l.get("name"), headName(l), null, null, l.get("headEmail"))));
        }
        DirectorySnapshot before = directory.snapshot();
        List<String> hosts = new ArrayList<>();
        for (BulkFile.Line l : lines) {
            // check() made sure every parent named exists already.
            Tenant parent = l.get("parent").isEmpty() ? province : before.child(province.id(), l.get("parent"));
            hosts.add(l.get("subdomain") + "." + before.hostOf(parent, baseDomain));
        }
        SiteLifecycle.SeatedHead[] heads = new SiteLifecycle.SeatedHead[lines.size()];
        List<Long> ids;
        try {
            ids = provisioning.addSites(province.id(), sites, actor, (ctx, created) -> {
                SiteLifecycle.notYetLive(ctx, created);
                for (int i = 0; i < created.size(); i++) {
                    BulkFile.Line l = lines.get(i);
                    heads[i] = lifecycle.seatHead(ctx, province, created.get(i), l.get("name"), hosts.get(i),
                            l.get("subdomain"), headName(l), l.get("headEmail"), links, actor);
                }
            });
        } catch (TenantProvisioning.BatchRefused raced) {
            // Another request took a label between the check and the transaction: nothing was created.
            List<RowProblem> late = raced.refusals().stream().map(r -> new RowProblem(lines.get(r.row() - 1).row(),
                    "subdomain", r.rule().equals(TenantProvisioning.DOMAIN_SCHEME) ? "tenant.domain-scheme"
                            : "subdomain.rule." + r.rule(), r.subdomain())).toList();
            return new Report(false, lines.size(), late, List.of());
        }
        List<RowCreated> created = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            created.add(new RowCreated(lines.get(i).row(), ids.get(i), hosts.get(i), heads[i].username(),
                    heads[i].link(), heads[i].mail()));
        }
        return new Report(false, lines.size(), List.of(), created);
    }

    /** Every problem of every row, against the rules, the file itself and the sites that exist. */
    List<RowProblem> check(Tenant province, List<BulkFile.Line> lines) {
        DirectorySnapshot dir = directory.snapshot();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        boolean flat = "PROVINCE_FLAT".equals(provisioning.schemes(province).domain());
        for (BulkFile.Line l : lines) {
            int row = l.row();
            String name = l.get("name");
            if (name.length() < 2 || name.length() > 200) {
                problems.add(new RowProblem(row, "name", "tenant.name-length", name));
            }
            if (kindOrNull(l.get("kind")) == null) {
                problems.add(new RowProblem(row, "kind", "tenant.kind-unknown", l.get("kind")));
            }
            if (!l.get("headEmail").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(new RowProblem(row, "headEmail", "tenant.head-email", l.get("headEmail")));
            }
            String label = l.get("subdomain");
            var rule = SubdomainRules.violation(label);
            Tenant parent = l.get("parent").isEmpty() ? province : dir.child(province.id(), l.get("parent"));
            if (parent == null) {
                problems.add(new RowProblem(row, "parent", "tenant.no-parent", l.get("parent")));
            } else if (flat && !parent.isProvince()) {
                problems.add(new RowProblem(row, "parent", "tenant.domain-scheme", l.get("parent")));
            }
            if (rule.isPresent()) {
                problems.add(new RowProblem(row, "subdomain", "subdomain.rule." + rule.get(), label));
            } else if (parent != null && dir.child(parent.id(), label) != null) {
                problems.add(new RowProblem(row, "subdomain", "subdomain.rule.taken", label));
            } else if (parent != null && TenantProvisioning.heldByAnother(dir, province, parent, label)) {
                problems.add(new RowProblem(row, "subdomain", "subdomain.rule.former", label));
            } else {
                Integer earlier = firstRow.putIfAbsent(l.get("parent") + "/" + label, row);
                if (earlier != null) {
                    problems.add(new RowProblem(row, "subdomain", "subdomain.rule.duplicate", label));
                }
            }
        }
        return problems;
    }

    private static String headName(BulkFile.Line l) {
        String name = l.get("headName");
        return name.length() >= 2 ? name : "Trưởng Ban Biên tập " + l.get("name");
    }

    private static TenantKind kind(String value) {
        TenantKind k = kindOrNull(value);
        if (k == null) {
            throw new IllegalStateException("checked before: " + value);
        }
        return k;
    }

    /** DEPARTMENT, COMMUNE…, or the words a province's list uses: Sở, Ban, Xã, Phường, Huyện. */
    static @Nullable TenantKind kindOrNull(String value) {
        String v = VietnameseText.fold(VietnameseText.nfc(value)).strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "department", "so", "ban", "nganh", "so, ban, nganh", "co quan" -> TenantKind.DEPARTMENT;
            case "commune", "xa", "dac khu" -> TenantKind.COMMUNE;
            case "ward", "phuong" -> TenantKind.WARD;
            case "district", "huyen", "quan", "thi xa" -> TenantKind.DISTRICT;
            default -> null;
        };
    }
}
