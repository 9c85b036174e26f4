package vn.gov.portal.provisioning.transfer;

import static vn.gov.portal.db.Tables.ACCOUNTS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import vn.gov.portal.identity.SignInLinks;

/**
 * The people an archive names, matched to accounts here. Accounts are platform-wide (one person,
 * one account, several boards), so an import reuses an existing account when it is the same
 * person, and otherwise creates one:
 *
 * <ul>
 *   <li>same username and the same e-mail or the same password hash: the same person (a site
 *       restored where its people still have their accounts), reused as it is;
 *   <li>the same password hash under another username: the same person, imported before under
 *       a numbered name (an Argon2id hash carries its own random salt, so equal hashes come from
 *       one password setting). Not when several accounts share the hash, here or in the archive:
 *       invited heads who have not set a password yet share one unusable hash per process
 *       (SignInLinks), which says nothing about who they are;
 *   <li>otherwise a new account with the archive's name, e-mail and password hash, so people sign
 *       in as before; when the username belongs to someone else here, with "2", "3"… after it,
 *       reported to the importer to pass on.
 * </ul>
 *
 * An archive exported without password hashes (the default) matches people by username and
 * e-mail only, and each new account gets an unusable password and, when active, a one-time link
 * on the new site ({@link SignInLinks}) by which its holder sets one, as an invited member does.
 *
 * <p>An archive never makes anyone a platform administrator: that column is not carried.
 */
final class ImportedAccounts {

    /** A username the import had to change because another person has it here. */
    @Serdeable
    record Renamed(String from, String to) {
    }

    /** {@code invited}: new accounts without a password, who need a one-time link to set one. */
    record Matched(Map<Long, Long> ids, List<Renamed> renamed, int reused, int created, List<Long> invited) {
    }

    private ImportedAccounts() {
    }

    static Matched match(DSLContext ctx, Archive archive) {
        Map<String, Integer> hashes = new HashMap<>();
        archive.rows(SiteTables.ACCOUNTS_ENTRY, row -> {
            String hash = text(row, "password_hash");
            if (hash != null) {
                hashes.merge(hash, 1, Integer::sum);
            }
        });
        Map<Long, Long> ids = new HashMap<>();
        List<Renamed> renamed = new ArrayList<>();
        List<Long> invited = new ArrayList<>();
        int[] reused = {0};
        int[] created = {0};
        archive.rows(SiteTables.ACCOUNTS_ENTRY, row -> {
            long old = number(row, "id");
            String username = text(row, "username");
            String email = text(row, "email");
            String hash = text(row, "password_hash");
            if (username == null) {
                throw Archive.refuse("rows", "account " + old + " without username");
            }
            Long same = samePerson(ctx, username, email, hash, hash != null && hashes.get(hash) == 1);
            if (same != null) {
                ids.put(old, same);
                reused[0]++;
                return;
            }
            String name = freeUsername(ctx, username);
            boolean active = !"DISABLED".equals(text(row, "status"));
            // Without a hash: the unusable password invited members get, until their link is used.
            long id = hash == null ? SignInLinks.invite(ctx, name, text(row, "full_name"), email)
                    : ctx.insertInto(ACCOUNTS).set(ACCOUNTS.USERNAME, name).set(ACCOUNTS.FULL_NAME, text(row, "full_name"))
                    .set(ACCOUNTS.EMAIL, email).set(ACCOUNTS.PASSWORD_HASH, hash)
                    .returning(ACCOUNTS.ID).fetchOne(ACCOUNTS.ID);
            ctx.update(ACCOUNTS)
                    .set(ACCOUNTS.PHONE, text(row, "phone"))
                    .set(ACCOUNTS.STATUS, active ? "ACTIVE" : "DISABLED")
                    // An archive without the date keeps the one the insert just gave (the database's clock).
                    .set(ACCOUNTS.CREATED_AT, DSL.coalesce(DSL.val(time(row, "created_at"), OffsetDateTime.class),
                            ACCOUNTS.CREATED_AT))
                    .where(ACCOUNTS.ID.eq(id)).execute();
            name = ctx.select(ACCOUNTS.USERNAME).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id)).fetchOne(ACCOUNTS.USERNAME);
            if (hash == null && active) {
                invited.add(id);
            }
            ids.put(old, id);
            created[0]++;
            if (!name.equals(username)) {
                renamed.add(new Renamed(username, name));
            }
        });
        return new Matched(ids, renamed, reused[0], created[0], invited);
    }

    private static Long samePerson(DSLContext ctx, String username, String email, String hash,
                                   boolean hashOnceInArchive) {
        var existing = ctx.select(ACCOUNTS.ID, ACCOUNTS.EMAIL, ACCOUNTS.PASSWORD_HASH).from(ACCOUNTS)
                .where(ACCOUNTS.USERNAME.eq(username)).fetchOne();
        if (existing != null) {
            boolean sameEmail = email != null && existing.value2() != null
                    && email.toLowerCase(Locale.ROOT).equals(existing.value2().toLowerCase(Locale.ROOT));
            if (sameEmail || hash != null && hash.equals(existing.value3())) {
                return existing.value1();
            }
        }
        if (!hashOnceInArchive) {
            return null;
        }
        List<Long> holders = ctx.select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.PASSWORD_HASH.eq(hash)).limit(2)
                .fetch(ACCOUNTS.ID);
        return holders.size() == 1 ? holders.getFirst() : null;
    }

    /**
     * {@code username}, or the first of username2, username3… nobody has, as invitations number
     * a taken name (SignInLinks.invite), kept within the 63 characters allowed.
     */
    private static String freeUsername(DSLContext ctx, String username) {
        String candidate = username;
        for (int n = 2; ctx.fetchExists(ACCOUNTS, ACCOUNTS.USERNAME.eq(candidate)); n++) {
            String suffix = String.valueOf(n);
            candidate = username.substring(0, Math.min(username.length(), 63 - suffix.length())) + suffix;
        }
        return candidate;
    }

    static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? null : v.coerceStringValue();
    }

    static long number(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || !v.isNumber()) {
            throw Archive.refuse("rows", "no numeric " + field);
        }
        return v.getLongValue();
    }

    private static @Nullable OffsetDateTime time(JsonNode row, String field) {
        String t = text(row, field);
        try {
            return t == null ? null : OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw Archive.refuse("rows", "account " + field + " " + t);
        }
    }
}
