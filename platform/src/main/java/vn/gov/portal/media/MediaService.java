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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.text.VietnameseText;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.identity.Actor;
import vn.gov.portal.tenancy.Quotas;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantKind;

/**
 * Uploads into a site's media library: the type is read from the bytes (MediaTypes), sizes and
 * the site's storage quota are checked, images get their variants. Files are written before the
 * database transaction, never inside it, and removed again if anything refuses or fails, so a
 * refusal or a failure leaves nothing behind.
 */
@Singleton
public class MediaService {
    private final TenantDb db;
    private final MediaStore store;
    private final AuditLog audit;
    private final ImageDecodes decodes;
    private final Clock clock;

    public MediaService(TenantDb db, MediaStore store, AuditLog audit, ImageDecodes decodes, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.decodes = decodes;
        this.clock = clock;
    }

    /** A stored file: its row and the variants made of it. */
    public record Stored(long id, String kind, String contentType, String name, long size, @Nullable Integer width,
                         @Nullable Integer height, @Nullable String alt, Map<String, int[]> variants) {
    }

    /** A file to send back: bytes and type, and whether visitors may see it (may a shared cache keep it). */
    public record Payload(byte[] bytes, String contentType, String name, boolean inline, boolean visible) {
    }

    /**
     * Stores an upload in the site's library. The bytes go to disk first, outside any transaction
     * (a slow client or a large file never holds a connection or a lock): staged beside their final
     * name, checked (MediaTypes), the picture decoded under a permit (ImageDecodes), renamed into
     * place; only then does one short transaction check the quota and insert the rows. If it fails,
     * the files go again. A crash in between leaves at worst a file without a row, never a row
     * without its file.
     */
    public Stored upload(Tenant into, Actor actor, String filename, InputStream in, @Nullable String altText) {
        long tenantId = into.id();
        actor.mustWrite();
        String alt = VietnameseText.nfc(altText);
        LocalDate today = ProvinceTime.today(clock);
        String directory = "t/" + tenantId + "/" + today.getYear() + "/" + String.format("%02d", today.getMonthValue());
        MediaStore.Staged staged = store.stage(directory, in, Math.max(MediaPolicy.MAX_IMAGE_BYTES,
                MediaPolicy.MAX_DOCUMENT_BYTES));
        List<String> written = new ArrayList<>();
        try {
            if (staged.size() == 0) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "media.empty");
            }
            MediaTypes.Detected detected = MediaTypes.detect(staged.file(), filename);
            if (staged.size() > (detected.image() ? MediaPolicy.MAX_IMAGE_BYTES : MediaPolicy.MAX_DOCUMENT_BYTES)) {
                throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "media.too-large");
            }
            if (detected.image() && (alt == null || alt.isEmpty())) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "media.alt-required");
            }
            Map<String, Variant> variants = !detected.image() ? Map.of()
                    : decodes.run(() -> variants(decode(staged.file(), detected.width()), detected.extension()));
            // Each upload gets its own files (hash plus a random tail): the same bytes uploaded twice
            // must not share a file, or deleting one medium, or a failed second upload cleaning up
            // after itself, would take the other's file with it.
            String base = directory + "/" + staged.sha256().substring(0, 16) + "-"
                    + HexFormat.of().formatHex(randomBytes(4));
            String key = base + "." + detected.extension();
            store.commit(staged, key);
            written.add(key);
            Map<String, String> variantKeys = new TreeMap<>();
            for (var v : variants.entrySet()) {
                String vkey = base + "-" + v.getKey() + "." + detected.extension();
                store.put(vkey, v.getValue().bytes());
                written.add(vkey);
                variantKeys.put(v.getKey(), vkey);
            }
            long total = staged.size() + variants.values().stream().mapToLong(v -> v.bytes().length).sum();
            return db.write(TenantScope.of(tenantId), ctx -> {
                // Serialises uploads of one site, so two at once cannot both slip under the quota.
                var site = ctx.select(TENANTS.KIND, TENANTS.STORAGE_QUOTA_BYTES, TENANTS.DAILY_UPLOAD_QUOTA).from(TENANTS)
                        .where(TENANTS.ID.eq(tenantId)).forUpdate().fetchOne();
                var quota = Quotas.effective(
                        TenantKind.valueOf(site.value1()), site.value2(), null, site.value3());
                long used = usedBytes(ctx, tenantId);
                if (used + total > quota.storageBytes()) {
                    throw new ProblemException(HttpStatus.INSUFFICIENT_STORAGE, "media.quota-exceeded");
                }
                if (uploadsToday(ctx, tenantId, ProvinceTime.today(clock)) >= quota.uploadsPerDay()) {
                    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "media.daily-quota-exceeded");
                }
                String name = safeName(filename);
                var row = ctx.newRecord(MEDIA);
                row.setTenantId(tenantId);
                row.setKind(detected.kind());
                row.setContentType(detected.contentType());
                row.setOriginalName(name);
                row.setSizeBytes(staged.size());
                row.setSha256(staged.sha256());
                row.setStorageKey(key);
                row.setAlt(alt);
                row.setUploadedBy(actor.accountId());
                row.setWidth(detected.width());
                row.setHeight(detected.height());
                row.store();
                Map<String, int[]> dims = new TreeMap<>();
                for (var v : variants.entrySet()) {
                    Variant made = v.getValue();
                    dims.put(v.getKey(), new int[] {made.width(), made.height()});
                    ctx.insertInto(MEDIA_VARIANTS)
                            .set(MEDIA_VARIANTS.TENANT_ID, tenantId)
                            .set(MEDIA_VARIANTS.MEDIA_ID, row.getId())
                            .set(MEDIA_VARIANTS.VARIANT, v.getKey())
                            .set(MEDIA_VARIANTS.WIDTH, made.width())
                            .set(MEDIA_VARIANTS.HEIGHT, made.height())
                            .set(MEDIA_VARIANTS.SIZE_BYTES, (long) made.bytes().length)
                            .set(MEDIA_VARIANTS.STORAGE_KEY, variantKeys.get(v.getKey()))
                            .execute();
                }
                audit.record(ctx, tenantId, actor.label(), "media.uploaded", "media:" + row.getId(), null);
                return new Stored(row.getId(), row.getKind(), detected.contentType(), name, staged.size(),
                        row.getWidth(), row.getHeight(), alt, dims);
            });
        } catch (RuntimeException e) {
            store.discard(staged);
            written.forEach(store::delete);
            throw e;
        }
    }

    /** The same for bytes already in memory (tests, small files made by the platform). */
    public Stored upload(Tenant site, Actor actor, String filename, byte[] bytes, @Nullable String altText) {
        return upload(site, actor, filename, new ByteArrayInputStream(bytes), altText);
    }

    /**
     * The original ("original") or a variant of a medium of this site. A visitor ({@code board}
     * false) gets only media something published links (V39: media.public_since); the site's
     * board gets every one of its own. Anything else is "not found", the same answer as for an
     * id that does not exist or is another site's.
     */
    public Optional<Payload> read(Tenant site, long id, String variant, boolean board) {
        long tenantId = site.id();
        return db.read(TenantScope.of(tenantId), ctx -> {
            var m = ctx.selectFrom(MEDIA).where(MEDIA.TENANT_ID.eq(tenantId), MEDIA.ID.eq(id)).fetchOne();
            if (m == null || (!board && m.getPublicSince() == null)) {
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
            boolean visible = m.getPublicSince() != null;
            return store.get(key).map(b -> new Payload(b, contentType, m.getOriginalName(), inline, visible));
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
    public Optional<Image> imageInTenant(Tenant site, long id) {
        long tenantId = site.id();
        return db.joining(ctx -> ctx.selectFrom(MEDIA)
                .where(MEDIA.TENANT_ID.eq(tenantId), MEDIA.ID.eq(id), MEDIA.KIND.eq("IMAGE"))
                .fetchOptional(m -> new Image(m.getId(), m.getContentType(), m.getOriginalName(), m.getAlt())));
    }

    /** The site's images of the given types, newest first (at most {@code limit}). */
    public List<Image> images(Tenant site, Set<String> types, int limit) {
        long tenantId = site.id();
        return db.read(TenantScope.of(tenantId), ctx -> ctx.selectFrom(MEDIA)
                .where(MEDIA.TENANT_ID.eq(tenantId), MEDIA.KIND.eq("IMAGE"), MEDIA.CONTENT_TYPE.in(types))
                .orderBy(MEDIA.ID.desc()).limit(limit)
                .fetch(m -> new Image(m.getId(), m.getContentType(), m.getOriginalName(), m.getAlt())));
    }

    /** Uploads since midnight in Vietnam (the day a board member lives in). */
    public static int uploadsToday(DSLContext ctx, long tenantId, LocalDate today) {
        var midnight = today
                .atStartOfDay(ProvinceTime.ZONE).toOffsetDateTime();
        return ctx.fetchCount(MEDIA, MEDIA.TENANT_ID.eq(tenantId).and(MEDIA.UPLOADED_AT.ge(midnight)));
    }

    /** Bytes this site stores: originals and variants. */
    public static long usedBytes(DSLContext ctx, long tenantId) {
        Long originals = ctx.select(DSL.coalesce(DSL.sum(MEDIA.SIZE_BYTES), DSL.inline(BigDecimal.ZERO)))
                .from(MEDIA).where(MEDIA.TENANT_ID.eq(tenantId)).fetchOne(0, Long.class);
        Long copies = ctx.select(DSL.coalesce(DSL.sum(MEDIA_VARIANTS.SIZE_BYTES), DSL.inline(BigDecimal.ZERO)))
                .from(MEDIA_VARIANTS).where(MEDIA_VARIANTS.TENANT_ID.eq(tenantId)).fetchOne(0, Long.class);
        return originals + copies;
    }

    /**
     * The picture's pixels; its size was checked from its header first (MediaTypes). Only the
     * variants are made of them, the largest 1600 points wide, so a large picture is read with
     * every n-th point (n keeping at least twice the largest variant's width, from which the
     * variants are scaled down smoothly): a 12 000-point-wide scan takes a ninth of the memory.
     */
    private static BufferedImage decode(Path file, int width) {
        int largest = Collections.max(MediaPolicy.VARIANT_WIDTHS.values());
        int step = Math.max(1, width / (2 * largest));
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media.type-refused");
        }
    }

    /** A resized copy as it will be stored. */
    private record Variant(byte[] bytes, int width, int height) {
    }

    private static Map<String, Variant> variants(BufferedImage img, String ext) {
        Map<String, Variant> out = new TreeMap<>();
        for (var v : MediaPolicy.VARIANT_WIDTHS.entrySet()) {
            try (ByteArrayOutputStream bos = new ByteArrayOutputStream()) {
                BufferedImage scaled = Thumbnails.of(img).width(Math.min(v.getValue(), img.getWidth()))
                        .asBufferedImage();
                Thumbnails.of(scaled).scale(1).outputFormat(ext).outputQuality(0.85).toOutputStream(bos);
                out.put(v.getKey(), new Variant(bos.toByteArray(), scaled.getWidth(), scaled.getHeight()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
