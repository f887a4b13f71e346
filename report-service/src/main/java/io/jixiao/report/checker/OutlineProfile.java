package io.jixiao.report.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.jixiao.report.checker.Block.Kind;

/**
 * The outlines real reports follow. A profile is detected from the level-1 headings (and, for the
 * forms, from their part titles and table labels), never assumed; a section is missing only against
 * the profile detected. NUMBERED is a numbered outline matching no known template (only its numbering
 * is checked); NONE is a text with no outline at all.
 */
public enum OutlineProfile {

    SIX_PART("六部分提纲（单位基本情况…其他需要说明的情况）", List.of(
            new Part("单位基本情况", "基本情况|概况|基本信息"),
            new Part("整体预算支出情况", "支出情况|收支情况|预算执行|资金使用|预算.{0,6}情况"),
            new Part("整体支出绩效情况", "绩效情况|绩效分析|绩效目标|绩效评价|履职|产出|效益|成效|绩效自评"),
            new Part("存在的问题及原因", "问题"),
            new Part("下一步改进措施", "措施|改进|建议|下一步|打算"),
            new Part("其他需要说明的情况", "其他|需要说明")), false),
    /** The older template that ends with 五、改进措施 (有关建议) and has no 其他需要说明的情况. */
    FIVE_PART("五部分提纲（基本情况…改进措施及建议）", List.of(
            new Part("单位基本情况", "基本情况|概况|基本信息"),
            new Part("整体支出管理及使用情况", "支出情况|收支情况|使用情况|预算执行|资金使用|预算.{0,6}情况"),
            new Part("整体支出绩效情况", "绩效情况|绩效分析|绩效目标|绩效评价|履职|产出|效益|成效|绩效自评"),
            new Part("存在的问题及原因", "问题"),
            new Part("改进措施及有关建议", "措施|改进|建议|下一步|打算")), false),
    EIGHT_PART("八部分提纲（摘要…附件）", List.of(
            new Part("摘要", "摘要"),
            new Part("基本情况", "基本情况|概况"),
            new Part("绩效评价工作开展情况", "评价工作|开展情况|评价.{0,4}(?:思路|方法|过程)"),
            new Part("综合评价结论", "结论|综合评价"),
            new Part("绩效评价指标分析", "指标|绩效分析|绩效情况"),
            new Part("存在的问题及原因", "问题"),
            new Part("有关建议", "建议|措施"),
            new Part("附件", "附件")), false),
    FORM("表格式自评报告（部门(单位)基本概况 / 自评表）", List.of(
            new Part("部门(单位)基本概况", "基本概况|基本情况|部门名称|单位名称|项目名称|主管部门|实施单位|部门职责|职能职责"),
            new Part("部门(单位)收支情况", "收支情况|收入情况|支出情况|预算(?:数|执行)|年度预算|资金"),
            new Part("部门(单位)整体支出绩效情况", "绩效|指标|自评")), true),
    NUMBERED("未对应已知模板的编号提纲", List.of(), false),
    NONE("未识别出提纲", List.of(), false);

    /** One part of a profile: its usual title and the words that identify it in a heading. */
    public record Part(String title, String words) {
        boolean matches(String heading) {
            return Pattern.compile(words).matcher(heading).find();
        }
    }

    private final String label;
    private final List<Part> parts;
    /** Forms name their parts in table labels as often as in headings. */
    private final boolean partsInTables;

    OutlineProfile(String label, List<Part> parts, boolean partsInTables) {
        this.label = label;
        this.parts = parts;
        this.partsInTables = partsInTables;
    }

    public String label() {
        return label;
    }

    public List<Part> parts() {
        return parts;
    }

    private static final Pattern FORM_SIGN = Pattern.compile("基本概况|自评表|部门名称\\s*\\|");

    /** The level-1 headings of the document (the outline's own numbering, not list items). */
    static List<Block> level1(ReportDocument doc) {
        return doc.blocks().stream().filter(b -> b.kind() == Kind.HEADING && b.level() == 1).toList();
    }

    public static OutlineProfile detect(ReportDocument doc) {
        List<Block> heads = level1(doc);
        boolean formSign = doc.blocks().stream().anyMatch(b -> (b.kind() == Kind.HEADING || b.kind() == Kind.TITLE
                || b.kind() == Kind.TABLE_ROW) && FORM_SIGN.matcher(b.text()).find());
        if (heads.stream().anyMatch(h -> h.numbering().rest().startsWith("摘要")) && matched(EIGHT_PART, doc) >= 3) {
            return EIGHT_PART;
        }
        if (formSign && doc.blocks().stream().anyMatch(b -> b.kind() == Kind.TABLE_ROW)) {
            return FORM;
        }
        if (!heads.isEmpty() && (SIX_PART.parts.get(0).matches(heads.get(0).text()) || matched(SIX_PART, doc) >= 2)) {
            Block last = heads.get(heads.size() - 1);
            boolean endsWithMeasures = last.numbering().value() == 5 && SIX_PART.parts.get(4).matches(last.numbering().rest());
            return endsWithMeasures && SIX_PART.find(SIX_PART.parts.get(5), doc) == null ? FIVE_PART : SIX_PART;
        }
        if (!heads.isEmpty()) {
            return NUMBERED;
        }
        return NONE;
    }

    private static int matched(OutlineProfile p, ReportDocument doc) {
        return (int) p.parts.stream().filter(part -> p.find(part, doc) != null).count();
    }

    /** The block that holds this part: a level-1 heading naming it (or, for forms, any block). */
    Block find(Part part, ReportDocument doc) {
        for (Block h : level1(doc)) {
            if (part.matches(h.numbering().rest())) {
                return h;
            }
        }
        if (partsInTables) {
            for (Block b : doc.blocks()) {
                if ((b.kind() == Kind.TABLE_ROW || b.kind() == Kind.HEADING || b.kind() == Kind.TITLE) && part.matches(b.text())) {
                    return b;
                }
            }
        }
        return null;
    }

    /** Parts of this profile not found, with their 1-based position in the profile. */
    List<Integer> missing(ReportDocument doc) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (find(parts.get(i), doc) == null) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
