package org.parley.request.transparency.domain;

/** The period a rollup row covers: one day, or one calendar month (UTC). */
public enum Grain {
    DAY("D"),
    MONTH("M");

    private final String code;

    Grain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Grain ofCode(String code) {
        return "M".equals(code) ? MONTH : DAY;
    }
}
