package vn.gov.portal.provisioning.transfer;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Old id → new id for one kind of row. The new ids are drawn from the table's own identity
 * sequence before any row is written, so every reference can be rewritten as rows go by, in
 * any order, and the rows are then inserted with exactly those ids (OVERRIDING SYSTEM VALUE):
 * the sequence handed them out, so they collide with nothing, now or later.
 */
final class IdMap {
    private final Map<Long, Long> ids = new HashMap<>();

    /** New ids for {@code oldIds}, from {@code table}'s id sequence. */
    static IdMap allocate(DSLContext ctx, String table, List<Long> oldIds) {
        IdMap map = new IdMap();
        if (oldIds.isEmpty()) {
            return map;
        }
        List<Long> fresh = ctx.fetch("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)",
                "public." + table, oldIds.size()).getValues(0, Long.class);
        for (int i = 0; i < oldIds.size(); i++) {
            if (map.ids.put(oldIds.get(i), fresh.get(i)) != null) {
                throw Archive.refuse("rows", table + " lists id " + oldIds.get(i) + " twice");
            }
        }
        return map;
    }

    /** The new id, or null when the archive has no such row. */
    @Nullable
    Long get(long old) {
        return ids.get(old);
    }

    int size() {
        return ids.size();
    }
}
