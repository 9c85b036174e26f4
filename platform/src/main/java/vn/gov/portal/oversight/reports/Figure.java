package vn.gov.portal.oversight.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One cell of Mẫu 01 for one site: what it shows, and on what it rests ({@code basis}: which pages
 * or items were counted, or why there is no figure). A column the platform cannot fill honestly is
 * {@link #noData}: it shows {@value #NO_DATA}, never a number.
 *
 * @param value the number, for counts (a spreadsheet cell gets it as a number); null otherwise
 */
@Serdeable
public record Figure(String no, String display, @Nullable Long value, boolean noData, String basis) {
    public static final String NO_DATA = "chưa có dữ liệu";

    public static Figure noData(String no, String why) {
        return new Figure(no, NO_DATA, null, true, why);
    }

    public static Figure count(String no, long n, String basis) {
        return new Figure(no, Long.toString(n), n, false, basis);
    }

    public static Figure yesNo(String no, boolean yes, String basis) {
        return new Figure(no, yes ? "Có" : "Không", null, false, basis);
    }
}
