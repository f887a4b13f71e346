package io.jixiao.report.checker;

import java.util.regex.Pattern;

/**
 * What a single line looks like, independent of its neighbours: page chrome, cover field, date,
 * table-of-contents entry, prose. Generalised from the layouts of published reports (web copies,
 * cover pages of the provincial forms, Word tables of contents); DocumentBuilder adds the context.
 */
final class LineKinds {

    /** Chrome a web page adds around a published report: breadcrumbs, source, views, print, file names. */
    private static final Pattern META = Pattern.compile("(?:当前位置|您现在的位置|您的位置|首页\\s*[>/＞]|欢迎(?:来到|访问)"
            + "|(?:信息)?来源\\s*[:：]|作者\\s*[:：]|发布(?:时间|日期|机构)|发文(?:日期|机关)|索引号|浏览(?:量|次数)?\\s*[:：]"
            + "|访问量|阅读(?:次数)?\\s*[:：]|【|字体\\s*[:：]|打印|关闭窗口|归档时间|标\\s*题\\s|时间\\s*[:：]\\s*\\d{4}-"
            + "|背景色|分享到|文\\s*号\\s|信息(?:类别|分类)|公开(?:目录|范围|方式|日期)|成文日期|主题分类)");
    private static final Pattern META_ANYWHERE = Pattern.compile("(?:浏览量|访问量|发布时间|发文日期|\\d{4}-\\d{2}-\\d{2}\\s+\\d{2}:\\d{2})");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\.(?:pdf|docx?|wps|xlsx?|html?)$");
    /** 评价年度:2024 / 预 算 编 码: 102001 / 报告日期:2022年5月13日 / 自治区财政厅: */
    private static final Pattern FIELD_COLON = Pattern.compile("^[^:：。，,；;]{1,16}[:：][^。；;]{0,80}$");
    /** 部门(单位)名称 岳阳县… / 预算编码 YYX292: a form label, a space, the value. */
    private static final Pattern FIELD_SPACE = Pattern.compile(
            "^[\\u4e00-\\u9fa5()（）\\s]{0,14}(?:名称|编码|方式|机构|日期|时间|年度|单位|类型|报告期)\\s+[^。；;]{1,60}$");
    static final Pattern DATE = Pattern.compile(
            "^\\d{4}\\s*[年\\-./]\\s*\\d{1,2}\\s*[月\\-./]\\s*\\d{1,2}\\s*日?$");
    /** (此页为封面), 附件6, 岳阳县财政局(制), …办公室编制: cover markers and "prepared by" lines. */
    private static final Pattern COVER_MARK = Pattern.compile(
            "^(?:[（(][^）)]{1,14}[）)]|附[件表]\\s*\\d{0,2}|[^，,。；;]{2,30}(?:[（(]制[）)]|编制|印制|制发|编印))$");
    private static final Pattern TOC_TITLE = Pattern.compile("^目\\s*录$");
    /** A page number, bare or in parentheses: 3, ( 1 ), （12）. */
    private static final String PAGE = "(?:\\d{1,3}|[(（]\\s*\\d{1,3}\\s*[)）])";
    /** "一、单位基本情况……3" or "3.4效果 20": an entry ending in its page number. */
    private static final Pattern TOC_LEADER = Pattern.compile("^\\S.{0,60}?[.…·．_\\-]{3,}\\s*" + PAGE + "$");
    private static final Pattern TOC_PAGE = Pattern.compile("^\\S.{0,48}?[\\u4e00-\\u9fa5)）]\\s*\\d{1,3}$");
    private static final Pattern TOC_ANNEX = Pattern.compile("^附[件表].{0,40}$");
    /** "第一部分 部门概况": the parts of a long document, listed without page numbers. */
    private static final Pattern TOC_PART = Pattern.compile("^第[一二三四五六七八九十]{1,3}[部章]");

    private LineKinds() {
    }

    static boolean isMeta(String t) {
        return META.matcher(t).lookingAt() || t.length() <= 160 && META_ANYWHERE.matcher(t).find()
                || t.length() <= 120 && FILE_NAME.matcher(t).find();
    }

    static boolean isCover(String t) {
        if (t.length() > 120) {
            return false;
        }
        // each pattern only where its mark is there: this runs on every line of the front matter
        boolean colon = t.indexOf(':') >= 0 || t.indexOf('：') >= 0;
        boolean space = t.indexOf(' ') >= 0;
        char first = t.charAt(0);
        char last = t.charAt(t.length() - 1);
        return colon && FIELD_COLON.matcher(t).matches() || space && FIELD_SPACE.matcher(t).matches()
                || Character.isDigit(first) && DATE.matcher(t).matches()
                || ("）)制编印发".indexOf(last) >= 0 || first == '附') && COVER_MARK.matcher(t).matches()
                || t.indexOf('□') >= 0 || t.indexOf('☑') >= 0 || t.indexOf('■') >= 0;
    }

    static boolean isTocTitle(String t) {
        return TOC_TITLE.matcher(t).matches();
    }

    /** An entry with leader dots: a table-of-contents line wherever it stands. */
    static boolean isLeaderEntry(String t) {
        char last = t.charAt(t.length() - 1);
        return t.length() <= 80 && (Character.isDigit(last) || last == ')' || last == '）') && TOC_LEADER.matcher(t).matches();
    }

    /** An entry that carries its page number. */
    static boolean isPagedEntry(String t) {
        return t.length() <= 80 && t.indexOf('。') < 0 && (isLeaderEntry(t) || TOC_PAGE.matcher(t).matches());
    }

    /**
     * Inside a table of contents: an entry with a page number, an annex, or (in a table of contents
     * without page numbers) a numbered title.
     */
    static boolean isTocEntry(String t, boolean paged) {
        if (t.length() > 80 || t.indexOf('。') >= 0) {
            return false;
        }
        return isPagedEntry(t) || TOC_ANNEX.matcher(t).matches()
                || !paged && (Numbering.parse(t) != null || TOC_PART.matcher(t).find()) && t.length() <= 40;
    }

    /** The title of an entry without its leader dots and page number, to recognise it in the body. */
    static String tocTitle(String t) {
        return t.replaceAll("[.…·．_\\-]*\\s*" + PAGE + "$", "").replaceAll("\\s+", "");
    }

    /** A title line: short, no sentence punctuation. */
    static boolean isTitleLike(String t) {
        return t.length() <= 70 && !TextReader.hasSentencePunctuation(t);
    }

    /**
     * Running text: a sentence with clause punctuation, long enough that a missing end is a defect and
     * not a label (区城市管理委员会办公室、区查违办 has only 、 and is a list of names).
     */
    static boolean isProse(String t) {
        return t.length() >= 20 && TextReader.hasSentencePunctuation(t, t.length() - 1);
    }

    /** One cell of a table rendered one cell per line: a short label or value. */
    static boolean isCellLike(String t) {
        return t.length() <= 14 && !TextReader.hasSentencePunctuation(t);
    }

    static boolean isNumericCell(String t) {
        return t.matches("[\\d.,，%\\s]{1,20}") && t.chars().anyMatch(Character::isDigit);
    }
}
