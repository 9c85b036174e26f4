package vn.gov.portal.oversight.rules;

import static vn.gov.portal.db.Tables.DEADLINE_RULES;
import static vn.gov.portal.db.Tables.PRESET_DEADLINES;
import static vn.gov.portal.db.Tables.PRESET_QUOTAS;
import static vn.gov.portal.db.Tables.QUOTA_RULES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.gov.portal.infra.audit.AuditLog;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The quota and deadline rules of a province, month by month. The preset's rows apply from the
 * start; a province's change applies from the month it is made, and earlier months keep the
 * rules they were judged by. Kept in memory per province until changed.
 */
@Singleton
public class OversightRules {
    private final TenantDb db;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<RulesChanged> events;
    /**
     * Read once and kept half a minute: a change made here is seen at once, one made on another
     * node within that time, which is soon enough for monthly quotas.
     */
    private final Cache<Long, History> cache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
                    .build();

    /** After a province changed its rules: its sites' months are judged again. */
    public record RulesChanged(long provinceId) {
    }

    /**
     * Every version of every rule of one province, the preset's first: read once, then asked
     * without the database (so inside another scope's transaction too).
     */
    public record History(List<QuotaRule> quotas, List<DeadlineRule> deadlines) {

        public Optional<QuotaRule> quota(TenantKind kind, YearMonth month) {
            LocalDate first = month.atDay(1);
            return quotas.stream()
                    .filter(q -> q.tenantKind().equals(kind.name()) && q.contentScope().equals("news"))
                    .filter(q -> !q.effectiveFrom().isAfter(first))
                    .max(Comparator.comparing(QuotaRule::effectiveFrom));
        }

        public Optional<DeadlineRule> deadline(String contentType, YearMonth month) {
            LocalDate first = month.atDay(1);
            return deadlines.stream()
                    .filter(d -> d.contentType().equals(contentType) && !d.effectiveFrom().isAfter(first))
                    .max(Comparator.comparing(DeadlineRule::effectiveFrom));
        }
    }

    public OversightRules(TenantDb db, AuditLog audit, Clock clock, ApplicationEventPublisher<RulesChanged> events) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** The quota in force for a kind of site in a month, if its province has one. */
    public Optional<QuotaRule> quota(Tenant province, TenantKind kind, YearMonth month) {
        return history(province).quota(kind, month);
    }

    /** The deadline in force for a content type in a month. */
    public Optional<DeadlineRule> deadline(Tenant province, String contentType, YearMonth month) {
        return history(province).deadline(contentType, month);
    }

    /** Every rule of the province, to ask inside a transaction of another scope. */
    public History book(Tenant province) {
        return history(province);
    }

    /** The rules in force in a month, one per kind and per content type. */
    public InForce inForce(Tenant province, YearMonth month) {
        List<QuotaRule> quotas = new ArrayList<>();
        for (TenantKind kind : TenantKind.values()) {
            quota(province, kind, month).ifPresent(quotas::add);
        }
        List<DeadlineRule> deadlines = history(province).deadlines().stream().map(DeadlineRule::contentType)
                .distinct().sorted().map(t -> deadline(province, t, month)).flatMap(Optional::stream).toList();
        return new InForce(month.toString(), quotas, deadlines);
    }

    @Serdeable
    public record InForce(String month, List<QuotaRule> quotas, List<DeadlineRule> deadlines) {
    }

    /** From this month on, sites of this kind need {@code minPerMonth} items a month. */
    public QuotaRule setQuota(Tenant province, TenantKind kind, int minPerMonth, @Nullable String counted,
                              String legalBasis, String actor) {
        if (kind == TenantKind.PROVINCE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-kind", "tenantKind");
        }
        if (minPerMonth < 0 || minPerMonth > 1000) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-amount", "minPerMonth");
        }
        String how = counted == null ? quota(province, kind, thisMonth()).map(QuotaRule::counted)
                .orElse("PROVIDED_TO_PARENT") : counted;
        if (!how.equals("PROVIDED_TO_PARENT") && !how.equals("PUBLISHED")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-counted", "counted");
        }
        String basis = basis(legalBasis);
        LocalDate from = thisMonth().atDay(1);
        db.write(TenantScope.of(province.id()), ctx -> {
            ctx.insertInto(QUOTA_RULES).set(QUOTA_RULES.PROVINCE_ID, province.id())
                    .set(QUOTA_RULES.TENANT_KIND, kind.name()).set(QUOTA_RULES.CONTENT_SCOPE, "news")
                    .set(QUOTA_RULES.MIN_PER_MONTH, minPerMonth).set(QUOTA_RULES.COUNTED, how)
                    .set(QUOTA_RULES.EFFECTIVE_FROM, from).set(QUOTA_RULES.LEGAL_BASIS, basis)
                    .set(QUOTA_RULES.SET_BY, actor)
                    .onConflict(QUOTA_RULES.PROVINCE_ID, QUOTA_RULES.TENANT_KIND, QUOTA_RULES.CONTENT_SCOPE,
                            QUOTA_RULES.EFFECTIVE_FROM).doUpdate()
                    .set(QUOTA_RULES.MIN_PER_MONTH, minPerMonth).set(QUOTA_RULES.COUNTED, how)
                    .set(QUOTA_RULES.LEGAL_BASIS, basis).set(QUOTA_RULES.SET_BY, actor)
                    .set(QUOTA_RULES.SET_AT, OffsetDateTime.now(clock)).execute();
            audit.recordWithDetail(ctx, province.id(), actor, "oversight.quota_rule", "quota:" + kind.name(), null,
                    "{\"minPerMonth\":" + minPerMonth + ",\"from\":\"" + from + "\"}");
            return null;
        });
        changed(province);
        return quota(province, kind, thisMonth()).orElseThrow();
    }

    /** From this month on, items of this type are due {@code amount unit} after {@code countedFrom}. */
    public DeadlineRule setDeadline(Tenant province, String contentType, String unit, @Nullable Integer amount,
                                    @Nullable String countedFrom, String legalBasis, String actor) {
        if (contentType == null || !contentType.matches("[a-z_]{1,40}")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-content-type", "contentType");
        }
        boolean needsAmount = List.of("HOURS", "WORKING_HOURS", "DAYS", "WORKING_DAYS", "MONTHLY_BY_DAY").contains(unit);
        boolean noAmount = List.of("SAME_DAY", "IMMEDIATELY", "REGULARLY", "NONE").contains(unit);
        if (!needsAmount && !noAmount) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-unit", "unit");
        }
        if (needsAmount && (amount == null || amount < 0 || amount > 3650) || noAmount && amount != null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-amount", "amount");
        }
        String from = countedFrom == null || countedFrom.isBlank() ? "EVENT" : countedFrom;
        String basis = basis(legalBasis);
        LocalDate effective = thisMonth().atDay(1);
        db.write(TenantScope.of(province.id()), ctx -> {
            ctx.insertInto(DEADLINE_RULES).set(DEADLINE_RULES.PROVINCE_ID, province.id())
                    .set(DEADLINE_RULES.CONTENT_TYPE, contentType).set(DEADLINE_RULES.UNIT, unit)
                    .set(DEADLINE_RULES.AMOUNT, amount).set(DEADLINE_RULES.COUNTED_FROM, from)
                    .set(DEADLINE_RULES.EFFECTIVE_FROM, effective).set(DEADLINE_RULES.LEGAL_BASIS, basis)
                    .set(DEADLINE_RULES.SET_BY, actor)
                    .onConflict(DEADLINE_RULES.PROVINCE_ID, DEADLINE_RULES.CONTENT_TYPE, DEADLINE_RULES.EFFECTIVE_FROM)
                    .doUpdate().set(DEADLINE_RULES.UNIT, unit).set(DEADLINE_RULES.AMOUNT, amount)
                    .set(DEADLINE_RULES.COUNTED_FROM, from).set(DEADLINE_RULES.LEGAL_BASIS, basis)
                    .set(DEADLINE_RULES.SET_BY, actor).set(DEADLINE_RULES.SET_AT, OffsetDateTime.now(clock))
                    .execute();
            audit.recordWithDetail(ctx, province.id(), actor, "oversight.deadline_rule", "deadline:" + contentType,
                    null, "{\"unit\":\"" + unit + "\",\"amount\":" + amount + ",\"from\":\"" + effective + "\"}");
            return null;
        });
        changed(province);
        return deadline(province, contentType, thisMonth()).orElseThrow();
    }

    public YearMonth thisMonth() {
        return ProvinceTime.thisMonth(clock);
    }

    private void changed(Tenant province) {
        cache.invalidate(province.id());
        events.publishEvent(new RulesChanged(province.id()));
    }

    private static String basis(String legalBasis) {
        String b = legalBasis == null ? "" : legalBasis.strip();
        if (b.isEmpty() || b.length() > 300) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-basis", "legalBasis");
        }
        return b;
    }

    private History history(Tenant province) {
        return cache.get(province.id(), id -> db.directory(ctx -> {
            List<QuotaRule> quotas = new ArrayList<>();
            List<DeadlineRule> deadlines = new ArrayList<>();
            if (province.presetId() != null) {
                ctx.selectFrom(PRESET_QUOTAS).where(PRESET_QUOTAS.PRESET_ID.eq(province.presetId())).fetch()
                        .forEach(r -> quotas.add(new QuotaRule(r.getTenantKind(), r.getContentScope(),
                                r.getMinPerMonth(), r.getCounted(), QuotaRule.FROM_THE_PRESET, r.getLegalBasis())));
                ctx.selectFrom(PRESET_DEADLINES).where(PRESET_DEADLINES.PRESET_ID.eq(province.presetId())).fetch()
                        .forEach(r -> deadlines.add(new DeadlineRule(r.getContentType(), r.getUnit(), r.getAmount(),
                                r.getCountedFrom(), QuotaRule.FROM_THE_PRESET, r.getLegalBasis())));
            }
            ctx.selectFrom(QUOTA_RULES).where(QUOTA_RULES.PROVINCE_ID.eq(id)).fetch()
                    .forEach(r -> quotas.add(new QuotaRule(r.getTenantKind(), r.getContentScope(), r.getMinPerMonth(),
                            r.getCounted(), r.getEffectiveFrom(), r.getLegalBasis())));
            ctx.selectFrom(DEADLINE_RULES).where(DEADLINE_RULES.PROVINCE_ID.eq(id)).fetch()
                    .forEach(r -> deadlines.add(new DeadlineRule(r.getContentType(), r.getUnit(), r.getAmount(),
                            r.getCountedFrom(), r.getEffectiveFrom(), r.getLegalBasis())));
            return new History(List.copyOf(quotas), List.copyOf(deadlines));
        }));
    }

    /** For tests and the rules page: every version, newest first. */
    public Map<String, List<QuotaRule>> quotaHistory(Tenant province) {
        return history(province).quotas().stream()
                .sorted(Comparator.comparing(QuotaRule::effectiveFrom).reversed())
                .collect(Collectors.groupingBy(QuotaRule::tenantKind));
    }
}
