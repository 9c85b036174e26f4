package vn.gov.portal.media;

import static vn.gov.portal.db.Tables.MEDIA;
import static vn.gov.portal.db.Tables.MEDIA_VARIANTS;
import static vn.gov.portal.db.Tables.TENANTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.tika.Tika;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.publishing.Actor;

/**
 * Uploads into a site's media library: the type is read from the bytes, sizes and the site's
 * storage quota are checked before anything is written, images get their variants. Files are
 * written inside the database transaction and removed again if it fails, so a refusal or a
 * failure leaves nothing behind.
 */
@Singleton
public class MediaService {
    private static final Tika TIKA = new Tika();

    private final TenantDb db;
    private final MediaStore store;
    private final AuditLog audit;

    public MediaService(TenantDb db, MediaStore store, AuditLog audit) {
        this.db = db;
        this.store = store;
        this.audit = audit;
    }

    /** A stored file: its row and the variants made of it. */
    public record Stored(long id, String kind, String contentType, String name, long size, @Nullable Integer width,
                         @Nullable Integer height, @Nullable String alt, Map<String, int[]> variants) {
    }

    /** A file to send back: bytes and type. */
    public record Payload(byte[] bytes, String contentType, String name, boolean inline) {
    }

    public Stored upload(long tenantId, Actor actor, String filename, byte[] bytes, @Nullable String altText) {
        actor.mustWrite();
        if (bytes.length == 0) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "media.empty");
        }
        String type = TIKA.detect(bytes, filename);
        boolean image = MediaPolicy.IMAGES.containsKey(type);
        if (!image && !MediaPolicy.DOCUMENTS.containsKey(type)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
        }
        if (bytes.length > (image ? MediaPolicy.MAX_IMAGE_BYTES : MediaPolicy.MAX_DOCUMENT_BYTES)) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "media.too-large");
        }
        String alt = VietnameseText.nfc(altText);
        if (image && (alt == null || alt.isEmpty())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "media.alt-required");
        }
        BufferedImage picture = image ? decode(bytes) : null;
        String name = safeName(filename);
        String sha = sha256(bytes);
        String ext = image ? MediaPolicy.IMAGES.get(type) : MediaPolicy.DOCUMENTS.get(type);
        LocalDate today = LocalDate.now();
        // Each upload gets its own files (hash plus a random tail): the same bytes uploaded twice
        // must not share a file, or deleting one medium, or a failed second upload cleaning up
        // after itself, would take the other's file with it.
        String base = "t/" + tenantId + "/" + today.getYear() + "/" + String.format("%02d", today.getMonthValue())
                + "/" + sha.substring(0, 16) + "-" + HexFormat.of().formatHex(randomBytes(4));
        Map<String, byte[]> variants = image ? variants(picture, ext) : Map.of();
        long total = bytes.length + variants.values().stream().mapToLong(v -> v.length).sum();

        List<String> written = new ArrayList<>();
        try {
            return db.write(TenantScope.of(tenantId), ctx -> {
                // Serialises uploads of one site, so two at once cannot both slip under the quota.
                var site = ctx.select(TENANTS.KIND, TENANTS.STORAGE_QUOTA_BYTES, TENANTS.DAILY_UPLOAD_QUOTA).from(TENANTS)
                        .where(TENANTS.ID.eq(tenantId)).forUpdate().fetchOne();
                var quota = vn.gov.portal.tenancy.Quotas.effective(
                        vn.gov.portal.tenancy.TenantKind.valueOf(site.value1()), site.value2(), null, site.value3());
                long used = usedBytes(ctx, tenantId);
                if (used + total > quota.storageBytes()) {
                    throw new ProblemException(HttpStatus.INSUFFICIENT_STORAGE, "media.quota-exceeded");
                }
                if (uploadsToday(ctx, tenantId) >= quota.uploadsPerDay()) {
                    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "media.daily-quota-exceeded");
                }
                String key = base + "." + ext;
                store.put(key, bytes);
                written.add(key);
                var row = ctx.newRecord(MEDIA);
                row.setTenantId(tenantId);
                row.setKind(image ? "IMAGE" : "DOCUMENT");
                row.setContentType(type);
                row.setOriginalName(name);
                row.setSizeBytes((long) bytes.length);
                row.setSha256(sha);
                row.setStorageKey(key);
                row.setAlt(alt);
                row.setUploadedBy(actor.accountId());
                if (picture != null) {
                    row.setWidth(picture.getWidth());
                    row.setHeight(picture.getHeight());
                }
                row.store();
                Map<String, int[]> dims = new java.util.TreeMap<>();
                for (var v : variants.entrySet()) {
                    String vkey = base + "-" + v.getKey() + "." + ext;
                    store.put(vkey, v.getValue());
                    written.add(vkey);
                    BufferedImage vi = decode(v.getValue());
                    dims.put(v.getKey(), new int[] {vi.getWidth(), vi.getHeight()});
                    ctx.insertInto(MEDIA_VARIANTS)
                            .set(MEDIA_VARIANTS.TENANT_ID, tenantId)
                            .set(MEDIA_VARIANTS.MEDIA_ID, row.getId())
                            .set(MEDIA_VARIANTS.VARIANT, v.getKey())
                            .set(MEDIA_VARIANTS.WIDTH, vi.getWidth())
                            .set(MEDIA_VARIANTS.HEIGHT, vi.getHeight())
                            .set(MEDIA_VARIANTS.SIZE_BYTES, (long) v.getValue().length)
                            .set(MEDIA_VARIANTS.STORAGE_KEY, vkey)
                            .execute();
                }
                audit.record(ctx, tenantId, actor.label(), "media.uploaded", "media:" + row.getId(), null);
                return new Stored(row.getId(), row.getKind(), type, name, bytes.length, row.getWidth(),
                        row.getHeight(), alt, dims);
            });
        } catch (RuntimeException e) {
            written.forEach(store::delete);
            throw e;
        }
    }

    /** The original ("original") or a variant of a medium of this site. */
    public Optional<Payload> read(long tenantId, long id, String variant) {
        return db.read(TenantScope.of(tenantId), ctx -> {
            var m = ctx.selectFrom(MEDIA).where(MEDIA.TENANT_ID.eq(tenantId), MEDIA.ID.eq(id)).fetchOne();
            if (m == null) {
                return Optional.<Payload>empty();
            }
            String key = m.getStorageKey();
            if (!"original".equals(variant)) {
                key = ctx.select(MEDIA_VARIANTS.STORAGE_KEY).from(MEDIA_VARIANTS)
                        .where(MEDIA_VARIANTS.TENANT_ID.eq(tenantId), MEDIA_VARIANTS.MEDIA_ID.eq(id),
                                MEDIA_VARIANTS.VARIANT.eq(variant)).fetchOne(MEDIA_VARIANTS.STORAGE_KEY);
                if (key == null) {
                    return Optional.<Payload>empty();
                }
            }
            boolean inline = "IMAGE".equals(m.getKind()) || "application/pdf".equals(m.getContentType());
            String contentType = "original".equals(variant) ? m.getContentType()
                    : (key.endsWith(".png") ? "image/png" : "image/jpeg");
            return store.get(key).map(b -> new Payload(b, contentType, m.getOriginalName(), inline));
        });
    }

    /** An image of a site's library, as a picker lists it. */
    public record Image(long id, String contentType, String name, @Nullable String alt) {
    }

    /**
     * The site's image {@code id} when its type is one of {@code types}; empty when it is not
     * this site's, not an image, or of another type. Called inside the caller's transaction
     * ({@link TenantDb#joining}), whose scope is the site's own: the wall hides other sites' media.
     */
    public Optional<Image> imageInTenant(long tenantId, long id) {
        return db.joining(ctx -> ctx.selectFrom(MEDIA)
                .where(MEDIA.TENANT_ID.eq(tenantId), MEDIA.ID.eq(id), MEDIA.KIND.eq("IMAGE"))
                .fetchOptional(m -> new Image(m.getId(), m.getContentType(), m.getOriginalName(), m.getAlt())));
    }

    /** The site's images of the given types, newest first (at most {@code limit}). */
    public List<Image> images(long tenantId, java.util.Set<String> types, int limit) {
        return db.read(TenantScope.of(tenantId), ctx -> ctx.selectFrom(MEDIA)
                .where(MEDIA.TENANT_ID.eq(tenantId), MEDIA.KIND.eq("IMAGE"), MEDIA.CONTENT_TYPE.in(types))
                .orderBy(MEDIA.ID.desc()).limit(limit)
                .fetch(m -> new Image(m.getId(), m.getContentType(), m.getOriginalName(), m.getAlt())));
    }

    /** Uploads since midnight in Vietnam (the day a board member lives in). */
    public static int uploadsToday(org.jooq.DSLContext ctx, long tenantId) {
        var midnight = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime();
        return ctx.fetchCount(MEDIA, MEDIA.TENANT_ID.eq(tenantId).and(MEDIA.UPLOADED_AT.ge(midnight)));
    }

    /** Bytes this site stores: originals and variants. */
    public static long usedBytes(org.jooq.DSLContext ctx, long tenantId) {
        Long originals = ctx.select(DSL.coalesce(DSL.sum(MEDIA.SIZE_BYTES), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(MEDIA).where(MEDIA.TENANT_ID.eq(tenantId)).fetchOne(0, Long.class);
        Long copies = ctx.select(DSL.coalesce(DSL.sum(MEDIA_VARIANTS.SIZE_BYTES), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(MEDIA_VARIANTS).where(MEDIA_VARIANTS.TENANT_ID.eq(tenantId)).fetchOne(0, Long.class);
        return originals + copies;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
            }
            return img;
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
        }
    }

    private static Map<String, byte[]> variants(BufferedImage img, String ext) {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        for (var v : MediaPolicy.VARIANT_WIDTHS.entrySet()) {
            try (ByteArrayOutputStream bos = new ByteArrayOutputStream()) {
                Thumbnails.of(img).width(Math.min(v.getValue(), img.getWidth())).outputFormat(ext).outputQuality(0.85)
                        .toOutputStream(bos);
                out.put(v.getKey(), bos.toByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The uploader's file name, kept for downloads, without paths or control characters. */
    private static String safeName(String filename) {
        String n = filename == null ? "tep" : filename.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        n = VietnameseText.nfc(n);
        return n.isEmpty() ? "tep" : n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
