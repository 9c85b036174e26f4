package vn.gov.portal.oversight.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.gov.portal.backoffice.AdminPages;
import vn.gov.portal.backoffice.AdminSession;
import vn.gov.portal.identity.Needs;
import vn.gov.portal.identity.Permission;
import vn.gov.portal.infra.web.ProblemException;
import vn.gov.portal.infra.web.ServesPages;
import vn.gov.portal.oversight.calendar.CalendarDay;
import vn.gov.portal.oversight.calendar.DayKind;
import vn.gov.portal.oversight.calendar.OfficeHours;
import vn.gov.portal.oversight.calendar.WorkingCalendar;
import vn.gov.portal.oversight.calendar.WorkingCalendars;
import vn.gov.portal.oversight.rules.OversightRules;
import vn.gov.portal.identity.ProvinceAdmins;
import vn.gov.portal.tenancy.Tenant;
import vn.gov.portal.tenancy.TenantDirectory;
import vn.gov.portal.tenancy.TenantKind;

/**
 * The province's rules and working-day calendar in its back office ({@code /admin/giam-sat/quy-tac}):
 * the quotas and deadlines in force this month, each changeable from this month on, and the
 * year's holidays, swapped days and office hours. The same services as the API, so the same
 * refusals (shown on the page with what was typed kept).
 */
@Controller("/admin/giam-sat/quy-tac")
@ServesPages
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RulesPageController {
    private static final String PAGE = "/admin/giam-sat/quy-tac";
    private final OversightRules rules;
    private final WorkingCalendars calendars;
    private final TenantDirectory directory;
    private final AdminPages pages;
    private final Clock clock;

    public RulesPageController(OversightRules rules, WorkingCalendars calendars, TenantDirectory directory,
                               AdminPages pages, Clock clock) {
        this.rules = rules;
        this.calendars = calendars;
        this.directory = directory;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @QueryValue @Nullable Integer nam,
                                @QueryValue @Nullable String xong) {
        Map<String, Object> model = new HashMap<>();
        if (xong != null) {
            model.put("done", true);
        }
        return page(request, auth, nam, model, HttpStatus.OK);
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/dinh-muc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> quota(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        return act(request, auth, form, province -> {
            TenantKind kind;
            try {
                kind = TenantKind.valueOf(form.getOrDefault("kind", ""));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "oversight.rule-kind", "tenantKind");
            }
            rules.setQuota(province, kind, integer(form.get("minPerMonth"), "oversight.rule-amount"), null,
                    form.get("legalBasis"), ProvinceAdmins.actor(auth));
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/thoi-han", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> deadline(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        return act(request, auth, form, province -> {
            String amount = form.getOrDefault("amount", "").strip();
            rules.setDeadline(province, form.getOrDefault("contentType", "").strip(), form.getOrDefault("unit", ""),
                    amount.isEmpty() ? null : integer(amount, "oversight.rule-amount"), form.get("countedFrom"),
                    form.get("legalBasis"), ProvinceAdmins.actor(auth));
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/ngay", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> day(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        return act(request, auth, form, province -> {
            DayKind kind;
            try {
                kind = DayKind.valueOf(form.getOrDefault("kind", ""));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.kind-invalid", "kind");
            }
            String name = form.getOrDefault("name", "").strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.name-required", "name");
            }
            String source = form.getOrDefault("source", "").strip();
            calendars.setDay(province, new CalendarDay(date(form.get("date")), kind, name,
                    source.isEmpty() ? null : source), ProvinceAdmins.actor(auth));
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/bo-ngay", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> removeDay(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        return act(request, auth, form, province -> {
            if (!calendars.removeDay(province, date(form.get("date")), ProvinceAdmins.actor(auth))) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "calendar.day-not-found", "date");
            }
        });
    }

    @Needs(Permission.ADMINISTER_PROVINCE)
    @Post(value = "/gio-lam-viec", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> officeHours(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        return act(request, auth, form, province -> {
            LocalTime[] t = new LocalTime[4];
            String[] names = {"morningStart", "morningEnd", "afternoonStart", "afternoonEnd"};
            try {
                for (int i = 0; i < 4; i++) {
                    t[i] = LocalTime.parse(form.getOrDefault(names[i], ""));
                }
            } catch (DateTimeParseException e) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.hours-invalid", "officeHours");
            }
            if (!OfficeHours.valid(t[0], t[1], t[2], t[3])) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.hours-invalid", "officeHours");
            }
            calendars.setOfficeHours(province, new OfficeHours(t[0], t[1], t[2], t[3]), ProvinceAdmins.actor(auth));
        });
    }

    /** Checks the form's token and the caller's right, runs the change, and redirects back (or shows the refusal). */
    private HttpResponse<?> act(HttpRequest<?> request, Authentication auth, Map<String, String> form,
                                Consumer<Tenant> change) {
        AdminSession.verifyCsrf(request, form.get(AdminSession.CSRF_FIELD));
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        Integer year = null;
        try {
            year = form.get("year") == null ? null : Integer.valueOf(form.get("year"));
            change.accept(province);
            return HttpResponse.seeOther(URI.create(PAGE + (year == null ? "?" : "?nam=" + year + "&") + "xong=1"));
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                throw refused;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("error", refused.detailKey());
            model.put("errorArgs", refused.detailArgs());
            model.put("typed", form);
            return page(request, auth, year, model, refused.status());
        } catch (NumberFormatException e) {
            return page(request, auth, null, new HashMap<>(Map.of("error", "calendar.year-invalid")),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @Nullable Integer year,
                                 Map<String, Object> model, HttpStatus status) {
        Tenant province = ProvinceAdmins.provinceFor(request, auth, directory.snapshot());
        WorkingCalendar calendar = calendars.of(province.id());
        int y = year == null || year < 2000 || year > 2200 ? Year.now(clock.withZone(calendar.zone())).getValue() : year;
        model.put("rules", rules.inForce(province, rules.thisMonth()));
        model.put("year", y);
        model.put("entered", calendar.entered(y));
        model.put("days", calendar.daysOf(y));
        model.put("hours", calendar.officeHours());
        model.put("dayKinds", DayKind.values());
        model.put("quotaKinds", List.of(TenantKind.DEPARTMENT, TenantKind.DISTRICT, TenantKind.COMMUNE, TenantKind.WARD));
        model.putIfAbsent("typed", Map.of());
        return pages.page(request, "admin/oversight-rules", auth, model, status);
    }

    private static int integer(@Nullable String text, String key) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, key, "amount");
        }
    }

    private static LocalDate date(@Nullable String text) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.year-invalid", "date");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "calendar.date-invalid", "date");
        }
    }
}
