package vn.gov.portal.oversight.dashboard;

import java.util.List;
import java.util.Map;
import vn.gov.portal.backoffice.Paged;
import vn.gov.portal.oversight.quotas.QuotaReminders;
import vn.gov.portal.oversight.quotas.QuotaState;
import vn.gov.portal.oversight.quotas.SiteMonth;

/**
 * What the province's dashboard ({@code admin/oversight.html}) shows; each component is the
 * template variable of the same name ({@link vn.gov.portal.backoffice.ViewModel}).
 *
 * @param month          the month shown, "2026-12"
 * @param previousMonth  last month, whose misses the "not meeting the rules" list names
 * @param rows           this page of the filtered sites
 * @param q              the name or host filter as typed ("" for none)
 * @param counts         sites per state, over the whole province (not the filter)
 * @param total          the province's component sites
 * @param notMeeting     the first page of the units not meeting the rules (TN Đ9.4)
 * @param notMeetingMore how many more there are
 * @param kind           the kind filter ("" for all)
 * @param state          the state filter ("" for all)
 * @param kinds          the kinds present, for the filter
 * @param chart          the 12-month trend as inline SVG
 * @param reminders      who was reminded, by site id (this month only; empty otherwise)
 * @param conformance    failed conformance checks by site id at the latest scan; absent: never scanned
 */
public record DashboardView(String month, String previousMonth, List<SiteMonth> rows, Paged<SiteMonth> paged,
                            String q, Map<QuotaState, Integer> counts, int total, List<SiteMonth> notMeeting,
                            int notMeetingMore, String kind, String state, QuotaState[] states, List<String> kinds,
                            String chart, Map<Long, QuotaReminders.Reminder> reminders,
                            Map<Long, Integer> conformance) {
}
