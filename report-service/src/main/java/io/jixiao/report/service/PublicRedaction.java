package io.jixiao.report.service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jixiao.report.assembly.Report;

/**
 * 信息公开 without personal data: the public version of a report masks what identifies a person. The
 * report's figures come from the sheet and cannot hold personal data, but every text a department
 * typed can: its profile (职能职责, 内设科室, shown in 一) and its narrative (二 … 六), where clerks write
 * "联系人：张三，电话 0731-88888888". Masked: mobile and landline numbers, e-mail addresses, 身份证号 (18
 * characters) and the name after 联系人/经办人/填报人. Amounts (always with two decimals, or
 * counts of a few digits) never match the number patterns, which need 7 or more digits in a row.
 */
public final class PublicRedaction {

    /** What a masked value becomes in the public text. */
    public static final String MASK = "〔已隐去〕";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"),
            // 身份证号: 17 digits and a digit or X
            Pattern.compile("(?<![0-9.])[1-9][0-9]{16}[0-9Xx](?![0-9.])"),
            // mobile: 11 digits starting 1[3-9], optionally +86 and spaced or hyphenated 3-4-4
            Pattern.compile("(?<![0-9.])(?:\\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9.])"),
            // landline: an area code (0 + 2-3 digits, in brackets or with a hyphen) and 7-8 digits, extension optional
            Pattern.compile("(?:[（(]0[0-9]{2,3}[)）]|(?<![0-9.])0[0-9]{2,3}[- ])[0-9]{7,8}(?:[-转][0-9]{1,6})?(?![0-9.])"),
            // any other run of 7 or more digits after 电话/手机/传真/Tel
            Pattern.compile("(?<=(?:电话|手机|传真|座机|Tel|TEL|tel)[：:\\s]{0,3})[0-9][0-9 -]{5,}[0-9]"),
            // last, once the numbers are masked: 联系人：张三 / 经办人 李四 / 填报人:王五 (2-4 Han characters)
            Pattern.compile("(?<=(?:联系人|经办人|填报人)[：:\\s]{0,3})[\\p{IsHan}·]{2,4}"));

    private PublicRedaction() {
    }

    /** The text with every personal datum replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(out);
            out = m.replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }

    /** The whole report with its texts masked; figures, the score table and the project table are kept. */
    public static Report redact(Report r) {
        List<Report.Section> sections = r.sections().stream().map(s -> new Report.Section(s.number(), s.title(),
                s.parts().stream().map(p -> new Report.Part(mask(p.heading()),
                        p.paragraphs().stream().map(PublicRedaction::mask).toList())).toList())).toList();
        List<Report.ProjectRow> projects = r.projects() == null ? null : r.projects().stream()
                .map(p -> new Report.ProjectRow(mask(p.name()), p.budget(), p.adjustment(), p.actualOwn(), p.actualDirect(),
                        p.actual(), p.executionRate(), p.keyProject())).toList();
        return new Report(mask(r.title()), sections, mask(r.unit()), r.date(), r.score(), projects);
    }
}
