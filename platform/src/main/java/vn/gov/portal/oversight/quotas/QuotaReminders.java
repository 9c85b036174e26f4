package vn.gov.portal.oversight.quotas;

import static vn.gov.portal.db.Tables.ACCOUNTS;
import static vn.gov.portal.db.Tables.MEMBERSHIPS;
import static vn.gov.portal.db.Tables.QUOTA_REMINDERS;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.portal.db.tables.records.QuotaRemindersRecord;
import vn.gov.portal.identity.Role;
import vn.gov.portal.infra.db.OneNodeJobs;
import vn.gov.portal.infra.db.TenantDb;
import vn.gov.portal.infra.db.TenantScope;
import vn.gov.portal.infra.mail.Mail;
import vn.gov.portal.infra.mail.MailOutbox;
import vn.gov.portal.infra.time.ProvinceTime;
import vn.gov.portal.infra.web.Templates;
import vn.gov.portal.oversight.calendar.WorkingCalendars;
import vn.gov.portal.tenancy.DirectorySnapshot;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantScopes;

/**
 * Tells a site short of its monthly quota, a few working days before the month ends
 * ({@link QuotaBoard#AT_RISK_WORKING_DAYS}), once a month: its board sees it in
 * the back office, its head gets an e-mail when SMTP is configured, and the province sees on its
 * dashboard who was told and when. Runs on one node at a time, every hour.
 */
@Singleton
public class QuotaReminders {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaReminders.class);
    static final String JOB = "oversight.reminders";
    static final String KIND = "oversight.quota_reminder";

    private final TenantDb db;
    private final TenantDirectory directory;
    private final QuotaBoard board;
    private final WorkingCalendars calendars;
    private final MailOutbox outbox;
    private final OneNodeJobs jobs;
    private final Templates templates;
    private final Clock clock;
    private final TenantScopes scopes;

    public QuotaReminders(TenantDb db, TenantDirectory directory, QuotaBoard board, WorkingCalendars calendars,
                          MailOutbox outbox, OneNodeJobs jobs, Templates templates, Clock clock, TenantScopes scopes) {
        this.scopes = scopes;
        this.db = db;
        this.directory = directory;
        this.board = board;
        this.calendars = calendars;
        this.outbox = outbox;
        this.jobs = jobs;
        this.templates = templates;
        this.clock = clock;
    }

    /** Who was reminded this month, and when: what the dashboard shows. */
    @Serdeable
    public record Reminder(long tenantId, String month, int required, int counted, int workingDaysLeft,
                           List<String> recipients, String mailStatus, String remindedAt) {
    }

    @Scheduled(fixedDelay = "${portal.oversight.reminders:1h}", initialDelay = "${portal.oversight.first-reminders:5m}")
    void hourly() {
        jobs.tryRun(JOB, () -> directory.snapshot().provinces().forEach(province -> {
            // One province's failure (its calendar, its board) does not keep the others' reminders back.
            try {
                remind(province);
            } catch (RuntimeException e) {
                LOG.error("Quota reminders of {} failed; the other provinces go on", province.subdomain(), e);
            }
        }));
    }

    /** Reminds the province's sites at risk this month that were not reminded yet; returns how many. */
    public int remind(Tenant province) {
        YearMonth month = board.thisMonth();
        LocalDate today = ProvinceTime.today(clock);
        if (!calendars.of(province.id()).isWorkingDay(today)) {
            return 0; // a reminder arrives on a working day, when someone reads it
        }
        DirectorySnapshot dir = directory.snapshot();
        int sent = 0;
        for (SiteMonth s : board.month(province, province.baseDomains().getFirst(), month)) {
            if (s.state() != QuotaState.AT_RISK) {
                continue;
            }
            Tenant site = dir.byId(s.tenantId());
            int left = calendars.of(province.id()).workingDaysBetween(today, month.atEndOfMonth());
            // Each site in its own transaction: one that fails is logged and tried again next hour,
            // and the sites after it are still reminded.
            try {
                if (remindOne(site, province, s, month, left)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.error("Quota reminder of site {} ({}) failed; the others go on", site.id(), site.subdomain(), e);
            }
        }
        if (sent > 0) {
            LOG.info("Quota reminders: {} sites of {} reminded for {}", sent, province.subdomain(), month);
        }
        return sent;
    }

    private boolean remindOne(Tenant site, Tenant province, SiteMonth s, YearMonth month, int left) {
        return db.write(TenantScope.of(site.id()), ctx -> {
            if (ctx.fetchExists(QUOTA_REMINDERS, QUOTA_REMINDERS.TENANT_ID.eq(site.id())
                    .and(QUOTA_REMINDERS.MONTH.eq(month.atDay(1))))) {
                return false;
            }
            List<String> heads = ctx.selectDistinct(ACCOUNTS.EMAIL).from(MEMBERSHIPS).join(ACCOUNTS)
                    .on(ACCOUNTS.ID.eq(MEMBERSHIPS.ACCOUNT_ID))
                    .where(MEMBERSHIPS.TENANT_ID.eq(site.id()), MEMBERSHIPS.ROLE.eq(Role.HEAD.name()), ACCOUNTS.EMAIL.isNotNull())
                    .fetch(r -> r.value1());
            ReminderMail status = heads.isEmpty() ? ReminderMail.NO_ADDRESS : ReminderMail.QUEUED;
            for (String to : heads) {
                String monthText = String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());
                var queued = outbox.enqueue(ctx, Mail.of(site.id(), KIND, to,
                        text("mail.quota-reminder.subject", site.name(), monthText),
                        text("mail.quota-reminder.text", site.name(), monthText, s.counted(), s.required(), left,
                                province.name(), s.ruleBasis() == null ? "" : s.ruleBasis())));
                if (queued.status() == MailOutbox.Status.NOT_CONFIGURED) {
                    status = ReminderMail.NOT_CONFIGURED;
                }
            }
            ctx.insertInto(QUOTA_REMINDERS).set(QUOTA_REMINDERS.TENANT_ID, site.id())
                    .set(QUOTA_REMINDERS.MONTH, month.atDay(1)).set(QUOTA_REMINDERS.REQUIRED, s.required())
                    .set(QUOTA_REMINDERS.COUNTED, s.counted()).set(QUOTA_REMINDERS.WORKING_DAYS_LEFT, left)
                    .set(QUOTA_REMINDERS.RECIPIENTS, heads.toArray(String[]::new))
                    .set(QUOTA_REMINDERS.MAIL_STATUS, status.name())
                    .set(QUOTA_REMINDERS.REMINDED_AT, OffsetDateTime.now(clock)).execute();
            return true;
        });
    }

    /** This month's reminders of the province's sites, by site. */
    public Map<Long, Reminder> thisMonth(Tenant province) {
        YearMonth month = board.thisMonth();
        Map<Long, Reminder> reminders = new HashMap<>();
        db.read(scopes.provinceBoard(province), ctx -> {
            ctx.selectFrom(QUOTA_REMINDERS).where(QUOTA_REMINDERS.MONTH.eq(month.atDay(1))).fetch()
                    .forEach(r -> reminders.put(r.getTenantId(), view(r)));
            return null;
        });
        return reminders;
    }

    /** The site's own reminder this month, for its back office. */
    public @Nullable Reminder ofSite(Tenant site) {
        YearMonth month = board.thisMonth();
        return db.read(TenantScope.of(site.id()), ctx -> ctx.selectFrom(QUOTA_REMINDERS)
                .where(QUOTA_REMINDERS.TENANT_ID.eq(site.id()), QUOTA_REMINDERS.MONTH.eq(month.atDay(1)))
                .fetchOne(QuotaReminders::view));
    }

    private static Reminder view(QuotaRemindersRecord r) {
        return new Reminder(r.getTenantId(), YearMonth.from(r.getMonth()).toString(), r.getRequired(), r.getCounted(),
                r.getWorkingDaysLeft(), List.of(r.getRecipients()), r.getMailStatus(),
                r.getRemindedAt().atZoneSameInstant(ProvinceTime.ZONE).format(DateTimeFormatter
                        .ofPattern("dd/MM/yyyy HH:mm")));
    }

    private String text(String key, Object... args) {
        String t = templates.message(Templates.VIETNAMESE, key, args);
        return t == null ? key : t;
    }
}
