package vn.gov.portal.provisioning.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.portal.testing.TestDatabase;

/**
 * Everything a site holds, as sorted lines in which no id appears: articles by language and
 * slug, media by SHA-256 (and the bytes of their files), people by username. Two sites with the
 * same fingerprint have the same content, whatever ids they were given; read as the schema owner.
 */
final class SiteFingerprint {
    private static final Pattern MEDIA_LINK = Pattern.compile("/media/(\\d+)/");
    private static final Pattern REFERENCE = Pattern.compile("^(article|media|proposal|account|tenant):(\\d+)");

    private final long tenantId;
    private final Path mediaDir;
    private final Map<Long, String> media = new HashMap<>();
    private final Map<Long, String> articles = new HashMap<>();
    private final Map<Long, String> proposals = new HashMap<>();
    private final Map<Long, String> accounts = new HashMap<>();

    private SiteFingerprint(long tenantId, Path mediaDir) {
        this.tenantId = tenantId;
        this.mediaDir = mediaDir;
    }

    static List<String> of(long tenantId) {
        Path mediaDir = Path.of(TestDatabase.get().properties().get("portal.data-dir")).resolve("media");
        try (Connection c = TestDatabase.get().owner()) {
            return new SiteFingerprint(tenantId, mediaDir).read(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(Connection c) throws SQLException {
        keys(c, "SELECT id, sha256 FROM media WHERE tenant_id = ?", media);
        keys(c, "SELECT id, language || '/' || slug FROM articles WHERE tenant_id = ?", articles);
        keys(c, "SELECT p.id, a.language || '/' || a.slug FROM proposals p JOIN articles a "
                + "ON a.tenant_id = p.tenant_id AND a.id = p.article_id WHERE p.tenant_id = ?", proposals);
        try (var st = c.prepareStatement("SELECT id, username FROM accounts"); var rs = st.executeQuery()) {
            while (rs.next()) {
                accounts.put(rs.getLong(1), rs.getString(2));
            }
        }
        List<String> lines = new ArrayList<>();
        lines("tenant", c, """
                SELECT kind, status, name, short_name, english_name, theme, languages, logo_url, banner_url,
                       primary_color, footer_agency, footer_responsible, footer_address, footer_phone, footer_email,
                       footer_fax, footer_licence, offered_languages,
                       home_blocks, menu_labels, menu_urls, storage_quota_bytes, created_at
                FROM tenants WHERE id = ?""", lines);
        lines("category", c, """
                SELECT c.slug, c.name, c.position, p.slug FROM categories c
                LEFT JOIN categories p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id WHERE c.tenant_id = ?""",
                lines);
        lines("article", c, """
                SELECT a.language || '/' || a.slug, a.kind, a.status, a.title, a.summary, a.body_html, c.slug, a.tags,
                       a.featured_image, a.featured_alt, au.username, sb.username, rb.username, a.source_name,
                       a.source_author, a.source_date, a.event_at, a.submitted_at, a.reviewed_at, a.review_reason,
                       a.forced_reason, a.publish_at, a.published_at, a.created_at, a.updated_at, a.revision,
                       o.language || '/' || o.slug, a.pending_revision, pb.username, a.pending_at
                FROM articles a
                LEFT JOIN categories c ON c.tenant_id = a.tenant_id AND c.id = a.category_id
                LEFT JOIN articles o ON o.tenant_id = a.tenant_id AND o.id = a.original_id
                JOIN accounts au ON au.id = a.author_id
                LEFT JOIN accounts sb ON sb.id = a.submitted_by
                LEFT JOIN accounts rb ON rb.id = a.reviewed_by
                LEFT JOIN accounts pb ON pb.id = a.pending_by
                WHERE a.tenant_id = ?""", lines);
        lines("revision", c, """
                SELECT a.language || '/' || a.slug, r.revision, s.username, r.saved_at, r.note, r.title, r.summary,
                       r.body_html, r.fields, rj.username, r.rejected_at, r.rejected_reason
                FROM article_revisions r JOIN articles a ON a.tenant_id = r.tenant_id AND a.id = r.article_id
                JOIN accounts s ON s.id = r.saved_by LEFT JOIN accounts rj ON rj.id = r.rejected_by
                WHERE r.tenant_id = ?""", lines);
        lines("media", c, """
                SELECT m.sha256, m.kind, m.content_type, m.original_name, m.size_bytes, m.width, m.height, m.alt,
                       u.username, m.uploaded_at, m.storage_key
                FROM media m JOIN accounts u ON u.id = m.uploaded_by WHERE m.tenant_id = ?""", lines);
        lines("variant", c, """
                SELECT m.sha256, v.variant, v.width, v.height, v.size_bytes, v.storage_key
                FROM media_variants v JOIN media m ON m.tenant_id = v.tenant_id AND m.id = v.media_id
                WHERE v.tenant_id = ?""", lines);
        lines("page", c, "SELECT language || '/' || slug, title, body_html, updated_at, reviewed_at, mandatory_key, "
                + "placeholder, revision, published_revision, status FROM pages WHERE tenant_id = ?", lines);
        lines("page_revision", c, """
                SELECT p.language || '/' || p.slug, r.revision, s.username, r.saved_at, r.note, r.title, r.body_html
                FROM page_revisions r JOIN pages p ON p.tenant_id = r.tenant_id AND p.id = r.page_id
                LEFT JOIN accounts s ON s.id = r.saved_by WHERE r.tenant_id = ?""", lines);
        lines("rating", c, "SELECT page_path, interface, content, quality, support, rated_on FROM ratings "
                + "WHERE tenant_id = ?", lines);
        lines("member", c, "SELECT a.username, m.role, m.granted_at, m.granted_by FROM memberships m "
                + "JOIN accounts a ON a.id = m.account_id WHERE m.tenant_id = ?", lines);
        lines("proposal", c, """
                SELECT a.language || '/' || a.slug, p.parent_id = t.parent_id, p.title, p.summary, p.slug, p.status,
                       pb.username, p.proposed_at, db.username, p.decided_at, p.decline_reason
                FROM proposals p JOIN articles a ON a.tenant_id = p.tenant_id AND a.id = p.article_id
                JOIN tenants t ON t.id = p.tenant_id JOIN accounts pb ON pb.id = p.proposed_by
                LEFT JOIN accounts db ON db.id = p.decided_by WHERE p.tenant_id = ?""", lines);
        // No audit lines: an import does not copy the source's log, it starts the site's own with one
        // "tenant.imported" entry (SiteImportTrustsNoArchiveTest holds that).
        lines.sort(null);
        return lines;
    }

    private void keys(Connection c, String sql, Map<Long, String> into) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setLong(1, tenantId);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
    }

    private void lines(String kind, Connection c, String sql, List<String> into) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setLong(1, tenantId);
            try (var rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder(kind);
                    for (int i = 1; i <= n; i++) {
                        String v = rs.getString(i);
                        String label = rs.getMetaData().getColumnLabel(i);
                        line.append(" | ").append(label.equals("storage_key") ? fileSha(v) : normalise(v));
                    }
                    into.add(line.toString());
                }
            }
        }
    }

    /** Ids inside text (media links, audit subjects and actors, seats' grantors) replaced by what they name. */
    private String normalise(String v) {
        if (v == null) {
            return "null";
        }
        Matcher m = MEDIA_LINK.matcher(v);
        String text = m.replaceAll(r -> Matcher.quoteReplacement(
                "/media/" + media.getOrDefault(Long.parseLong(r.group(1)), "?" + r.group(1)) + "/"));
        Matcher ref = REFERENCE.matcher(text);
        if (!ref.find()) {
            return text;
        }
        long id = Long.parseLong(ref.group(2));
        String named = switch (ref.group(1)) {
            case "article" -> articles.get(id);
            case "media" -> media.get(id);
            case "proposal" -> proposals.get(id);
            case "account" -> accounts.get(id);
            default -> id == tenantId ? "self" : null;
        };
        return ref.group(1) + ":" + (named == null ? "?" + id : named) + text.substring(ref.end());
    }

    /** The stored file's own SHA-256: the bytes, not the key they are kept under. */
    private String fileSha(String key) {
        try {
            return "file:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(mediaDir.resolve(key))));
        } catch (IOException e) {
            return "missing:" + key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
