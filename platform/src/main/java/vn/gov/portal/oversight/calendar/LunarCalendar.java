package vn.gov.portal.oversight.calendar;

import static java.lang.Math.PI;
import static java.lang.Math.floor;
import static java.lang.Math.sin;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The Vietnamese lunisolar calendar, for the holidays that follow it (Tết, Giỗ Tổ Hùng Vương)
 * in years whose official schedule is not entered yet. Hồ Ngọc Đức's published algorithm:
 * new moons and the sun's longitude from Jean Meeus's formulae, reckoned at UTC+7, which is
 * where the Vietnamese calendar differs from the Chinese one (Tết 1985, 2007, 2030).
 */
public final class LunarCalendar {
    private static final double ZONE = 7.0;
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double NEW_MOON_1900 = 2415021.076998695;

    private LunarCalendar() {
    }

    /** Mùng 1 Tết: the first day of the lunar year that starts in this solar year. */
    public static LocalDate newYear(int year) {
        return toSolar(year, 1, 1);
    }

    /** The solar date of a day of an ordinary (not leap) lunar month of the lunar year {@code year}. */
    public static LocalDate toSolar(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("No lunar day " + day + "/" + month);
        }
        long a11;
        long b11;
        if (month < 11) {
            a11 = month11(year - 1);
            b11 = month11(year);
        } else {
            a11 = month11(year);
            b11 = month11(year + 1);
        }
        long k = (long) floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            // A leap year of 13 months: months from the leap one onwards come one later.
            int leapOffset = leapMonthOffset(a11);
            if (offset >= leapOffset) {
                offset += 1;
            }
        }
        return fromJulianDay(newMoonDay(k + offset) + day - 1);
    }

    /** The day on which the month holding the winter solstice (month 11) starts, before the end of {@code year}. */
    private static long month11(int year) {
        double off = toJulianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (sunLongitudeSector(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** The leap month is the first after month 11 in which the sun enters no new major sector. */
    private static int leapMonthOffset(long a11) {
        long k = (long) floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** The local day of the k-th new moon after 1 January 1900. */
    private static long newMoonDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
                - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
                - 0.0004 * sin(dr * 3 * mpr)
                + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
                - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
                - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
                + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return (long) floor(jd1 + c1 - deltaT + 0.5 + ZONE / 24);
    }

    /** Which of the twelve 30° sectors the sun is in at the start of this local day. */
    private static int sunLongitudeSector(long julianDay) {
        double t = (julianDay - 2451545.5 - ZONE / 24) / 36525;
        double t2 = t * t;
        double dr = PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
                + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        l = l - PI * 2 * floor(l / (PI * 2));
        return (int) floor(l / PI * 6);
    }

    private static long toJulianDay(LocalDate date) {
        return date.getLong(JulianFields.JULIAN_DAY);
    }

    private static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, julianDay);
    }
}
