package io.jixiao.platform.problem;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Size checks for hand-validated inputs (goals, templates, narrative): each adds a field error with
 * the limit in it, so the clerk sees "at most 500 characters" at the field, and nothing reaches the
 * database or an event unbounded. Checks that need the number's digits look at precision and scale
 * only, never at its plain string (1e999999999 would be a billion characters).
 */
public final class Bounds {

    private Bounds() {
    }

    /** Adds an error when the text is longer than max characters (code points); true when within. */
    public static boolean text(List<FieldError> errors, String path, String value, int max) {
        if (value != null && value.length() > max && value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(path, message("bound.text", max)));
            return false;
        }
        return true;
    }

    /** Adds an error when the list has more than max items; true when within (callers then walk it). */
    public static boolean list(List<FieldError> errors, String path, Collection<?> value, int max) {
        if (value != null && value.size() > max) {
            errors.add(new FieldError(path, message("bound.list", max)));
            return false;
        }
        return true;
    }

    /** Adds an error unless |value| has at most integerDigits digits before the point and scale after it. */
    public static boolean number(List<FieldError> errors, String path, BigDecimal value, int integerDigits, int scale) {
        if (value == null) {
            return true;
        }
        BigDecimal v = value.stripTrailingZeros();
        boolean ok = v.scale() <= scale && v.precision() - v.scale() <= integerDigits;
        if (!ok) {
            errors.add(new FieldError(path, message("bound.number", integerDigits, scale)));
        }
        return ok;
    }

    /** A field-error message with arguments: "code|arg|arg", resolved by ProblemMappers in the caller's language. */
    public static String message(String code, Object... args) {
        StringBuilder out = new StringBuilder(code);
        for (Object a : args) {
            out.append('|').append(a);
        }
        return out.toString();
    }
}
