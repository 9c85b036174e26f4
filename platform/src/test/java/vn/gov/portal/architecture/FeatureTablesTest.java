package vn.gov.portal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature writes only its own tables: every table the migrations create has one owning feature
 * ({@link #OWNER}), and a write to it from another feature's code fails here unless it is one of the
 * {@link #SHARED_WRITES} below, each with its reason. A feature that needs another's table changed
 * calls that feature (or, from below it in the graph, a port it owns: identity.UnfinishedWork).
 *
 * <p>It reads the source, not the bytecode: what it finds are jOOQ write calls naming a generated
 * table ({@code insertInto(ARTICLES)}, {@code update}, {@code deleteFrom}, {@code mergeInto},
 * {@code newRecord}) and SQL text ({@code INSERT INTO t}, {@code UPDATE t … SET}, {@code DELETE FROM t}).
 * Not seen: a record fetched and then stored, Micronaut Data repository saves, and SQL whose table
 * name is built at run time (site import, which SiteTables lists). docs/architecture.md says so.
 */
class FeatureTablesTest {
    private static final Path SOURCES = Path.of("src/main/java/vn/gov/portal");
    private static final Path MIGRATIONS = Path.of("../migrations/src/main/resources/db/migration");

    /** Table → the feature (package under vn.gov.portal) whose code writes it. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("tenants", "tenancy"), Map.entry("tenant_hosts", "tenancy"),
            Map.entry("directory_version", "tenancy"),
            Map.entry("audit_events", "infra"), Map.entry("mail_outbox", "infra"),
            Map.entry("accounts", "identity"), Map.entry("memberships", "identity"),
            Map.entry("account_recovery_codes", "identity"), Map.entry("account_second_factors", "identity"),
            Map.entry("security_policies", "identity"), Map.entry("sign_in_links", "identity"),
            Map.entry("articles", "publishing"), Map.entry("article_revisions", "publishing"),
            Map.entry("article_comments", "publishing"), Map.entry("categories", "publishing"),
            Map.entry("proposals", "publishing"),
            Map.entry("media", "media"), Map.entry("media_variants", "media"),
            Map.entry("pages", "pages"), Map.entry("page_revisions", "pages"),
            Map.entry("ratings", "interaction"),
            Map.entry("regulation_presets", "provisioning"), Map.entry("preset_deadlines", "provisioning"),
            Map.entry("preset_mandatory_pages", "provisioning"), Map.entry("preset_quotas", "provisioning"),
            Map.entry("preset_report_forms", "provisioning"), Map.entry("preset_translation_minimums", "provisioning"),
            Map.entry("site_requests", "provisioning"), Map.entry("maintenance_windows", "provisioning"),
            Map.entry("platform_setup_links", "provisioning"), Map.entry("audit_archive", "provisioning"),
            Map.entry("calendar_days", "oversight"), Map.entry("calendar_years", "oversight"),
            Map.entry("working_calendars", "oversight"), Map.entry("deadline_rules", "oversight"),
            Map.entry("quota_rules", "oversight"), Map.entry("quota_reminders", "oversight"),
            Map.entry("oversight_items", "oversight"), Map.entry("oversight_months", "oversight"),
            Map.entry("conformance_results", "oversight"), Map.entry("emulation_formulas", "oversight"),
            Map.entry("royalty_lines", "oversight"), Map.entry("royalty_rates", "oversight"),
            Map.entry("royalty_statements", "oversight"), Map.entry("site_reports", "oversight"));

    /** A write another feature's code may make, named by file, so a new one elsewhere still fails. */
    record SharedWrite(String file, String table, String why) {
    }

    static final List<SharedWrite> SHARED_WRITES = List.of(
            // The site's lifecycle (creation, go-live, rename, merge, archive, quotas, a province's preset)
            // is provisioning's; the rows are tenancy's directory, reloaded on DirectoryChanged.
            new SharedWrite("provisioning/SiteLifecycle.java", "tenants", "lifecycle changes the directory"),
            new SharedWrite("provisioning/SiteLifecycle.java", "tenant_hosts", "a renamed site keeps its old host"),
            new SharedWrite("provisioning/SiteMerge.java", "tenants", "a merged site points at its successor"),
            new SharedWrite("provisioning/SiteQuotas.java", "tenants", "the quota lives on the tenant row"),
            new SharedWrite("provisioning/provinces/ProvincePreset.java", "tenants", "a province's preset"),
            new SharedWrite("provisioning/provinces/ProvincePreset.java", "tenant_hosts", "preset domains"),
            new SharedWrite("provisioning/provinces/Provinces.java", "tenant_hosts", "a province's aliases"),
            new SharedWrite("provisioning/provinces/Aliases.java", "tenant_hosts", "a province's aliases"),
            new SharedWrite("provisioning/transfer/SiteImport.java", "tenants", "an imported site's row"),
            // README, Decisions: site settings live on the tenant row, read by the in-memory directory.
            new SharedWrite("settings/SiteSettingsService.java", "tenants", "site settings are the tenant row"),
            // A merge moves every row of the absorbed site to the surviving one in one transaction:
            // a whole-site operation over SiteTables, like export, import and deletion.
            new SharedWrite("provisioning/SiteMerge.java", "articles", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "article_revisions", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "article_comments", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "categories", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "proposals", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "media", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "media_variants", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "memberships", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "pages", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "page_revisions", "whole-site merge"),
            new SharedWrite("provisioning/SiteMerge.java", "ratings", "whole-site merge"),
            new SharedWrite("provisioning/transfer/ImportedAccounts.java", "accounts", "site import"),
            // To move behind identity's services (follow-up): the first platform admin and a new
            // site's head are created by provisioning's own statements today.
            new SharedWrite("provisioning/provinces/PlatformSetupLinks.java", "accounts", "first platform admin"),
            new SharedWrite("provisioning/SiteLifecycle.java", "memberships", "a new site's head"),
            // ops/seed and the demo write the rows the editorial workflow leaves, in bulk (README).
            new SharedWrite("demo/DemoSeed.java", "articles", "load-test seed"),
            new SharedWrite("demo/DemoSeed.java", "article_revisions", "load-test seed"),
            new SharedWrite("demo/DemoPages.java", "pages", "the demo's pages"),
            new SharedWrite("demo/DemoPages.java", "page_revisions", "the demo's pages"));

    private static final Pattern JOOQ_WRITE = Pattern.compile(
            "\\b(?:insertInto|update|deleteFrom|mergeInto|newRecord)\\(\\s*(?:[\\w.]*\\.)?([A-Z][A-Z0-9_]+)\\b");
    private static final Pattern SQL_WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|delete\\s+from)\\s+([a-z_][a-z0-9_]*)\\b"
                    + "|\\bupdate\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?[a-z]\\w*)?\\s+set\\b");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    /** A write found in the source: the file (under vn/gov/portal) and the table. */
    record Write(String file, String table) {
        String feature() {
            return file.substring(0, file.indexOf('/'));
        }
    }

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(f).replaceAll("--[^\\n]*", " "));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(created).as("tables the migrations create").contains("articles", "tenants", "accounts");
        assertThat(OWNER.keySet()).as("give each new table its feature in FeatureTablesTest.OWNER")
                .containsAll(created);
    }

    @Test
    void aFeatureWritesOnlyItsOwnTables() {
        List<Write> writes = writes();
        // The scan finds what it must, so it cannot pass by finding nothing.
        assertThat(writes).contains(new Write("publishing/ArticleService.java", "articles"),
                new Write("publishing/UnfinishedArticles.java", "articles"),
                new Write("identity/Members.java", "memberships"));
        List<String> foreign = new ArrayList<>();
        for (Write w : writes) {
            String owner = OWNER.get(w.table());
            if (!owner.equals(w.feature()) && SHARED_WRITES.stream()
                    .noneMatch(s -> s.file().equals(w.file()) && s.table().equals(w.table()))) {
                foreign.add(w + ": " + owner + "'s table; call " + owner + " instead");
            }
        }
        assertThat(foreign).as("writes to another feature's tables").isEmpty();
    }

    /** The list of exceptions only shrinks: one whose write is gone is taken off. */
    @Test
    void everySharedWriteStillHappens() {
        Set<Write> writes = Set.copyOf(writes());
        assertThat(SHARED_WRITES.stream().filter(s -> !writes.contains(new Write(s.file(), s.table()))).toList())
                .as("shared writes no longer made: remove them from SHARED_WRITES").isEmpty();
    }

    private static List<Write> writes() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(FeatureTablesTest::writesIn)
                    .distinct().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Write> writesIn(Path file) {
        String name = SOURCES.relativize(file).toString().replace('\\', '/');
        if (!name.contains("/") || name.startsWith("db/") || name.startsWith("schema/")) {
            return Stream.empty();
        }
        String code;
        try {
            code = withoutComments(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Write> found = new ArrayList<>();
        Matcher jooq = JOOQ_WRITE.matcher(code);
        while (jooq.find()) {
            String table = jooq.group(1).toLowerCase(Locale.ROOT);
            if (OWNER.containsKey(table)) {
                found.add(new Write(name, table));
            }
        }
        Matcher sql = SQL_WRITE.matcher(code);
        while (sql.find()) {
            String table = (sql.group(1) != null ? sql.group(1) : sql.group(2)).toLowerCase(Locale.ROOT);
            if (OWNER.containsKey(table)) {
                found.add(new Write(name, table));
            }
        }
        return found.stream();
    }

    /**
     * The code without its comments (which name tables in prose), strings and text blocks kept:
     * SQL lives in them, and a string may hold what looks like a comment ({@code "/admin/**"}).
     */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                while (i < n && java.charAt(i) != '\n') {
                    i++;
                }
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(java, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != c) {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, n);
                out.append(java, i, j);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
