package io.jixiao.report.checker;

/**
 * Traditional → Simplified for the characters the rules' vocabulary uses (amounts, outline titles,
 * staffing, units), one character for one so source offsets do not move. Reports from Hong Kong
 * style templates or converted with the wrong font still get their figures checked; the document
 * says how many characters were mapped (rule text.traditional).
 */
final class Simplified {

    private static final String TRADITIONAL = "萬實際預報單確機關構編職責員數額結餘資產務經費項設計劃執績效評價況題與據標準則問達務決算計劃"
            + "門們內農業發開總體運營財權審規範僅並條間區縣鎮鄉議會辦組織調節將無為於個這還進處後歷來對時們說"
            + "現點給從當應爭屬統歸續產業務實際報銷會議醫療補貼離退簡體覽頁約館領導傳廣護衛稅貨節與齊";
    private static final String SIMPLIFIED = "万实际预报单确机关构编职责员数额结余资产务经费项设计划执绩效评价况题与据标准则问达务决算计划"
            + "门们内农业发开总体运营财权审规范仅并条间区县镇乡议会办组织调节将无为于个这还进处后历来对时们说"
            + "现点给从当应争属统归续产业务实际报销会议医疗补贴离退简体览页约馆领导传广护卫税货节与齐";

    /** Simplified form by character (0: unchanged); a table, since every character of a text is looked up. */
    private static final char[] MAP = new char[0x10000];

    static {
        if (TRADITIONAL.length() != SIMPLIFIED.length()) {
            throw new IllegalStateException("Traditional and Simplified tables differ in length");
        }
        for (int i = 0; i < TRADITIONAL.length(); i++) {
            if (TRADITIONAL.charAt(i) != SIMPLIFIED.charAt(i)) {
                MAP[TRADITIONAL.charAt(i)] = SIMPLIFIED.charAt(i);
            }
        }
    }

    private Simplified() {
    }

    static String normalise(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = c;
            if (c == '\u3000' || c == '\u00A0') {
                r = ' ';
            } else if (c == '\r') {
                r = i + 1 < text.length() && text.charAt(i + 1) == '\n' ? ' ' : '\n';
            } else if (MAP[c] != 0) {
                r = MAP[c];
            }
            if (r != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = r;
            }
        }
        return out == null ? text : new String(out);
    }

    static int countChanged(String before, String after) {
        if (before == after) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) != after.charAt(i) && before.charAt(i) >= '\u4e00') {
                n++;
            }
        }
        return n;
    }
}
