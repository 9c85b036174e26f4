package vn.gov.portal.oversight.calendar;

/** How a day differs from the week's rule (Monday to Friday work, Saturday and Sunday rest). */
public enum DayKind {
    /** A public holiday (Labour Code 2019 Đ112). */
    HOLIDAY(false),
    /** A working day given off in exchange for a Saturday worked (hoán đổi). */
    SWAP_OFF(false),
    /** Off because a holiday fell on a weekly rest day (nghỉ bù, Đ111.3, Đ112.3). */
    COMPENSATORY_OFF(false),
    /** A Saturday (or Sunday) worked by decision, to make up a swapped day (làm bù). */
    MAKEUP_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }
}
