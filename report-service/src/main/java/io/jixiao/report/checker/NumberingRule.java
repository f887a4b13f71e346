package io.jixiao.report.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jixiao.report.checker.Block.Kind;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;
import io.jixiao.report.checker.Numbering.Style;

/**
 * Numbering continuity (①③ lacks ②) and two styles used for the same level. A sequence is one style
 * of headings, or one style of list items, under the same parent: a heading of a higher level starts
 * new sequences below it, and a list restarting at 1 is a new list (duties listed under （二） restart
 * at （一）). Only a forward jump is a gap. WARNING: a lost line or a cut excerpt looks the same.
 */
final class NumberingRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("numbering.gap", "numbering.mixed");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        // level-1 gaps of a known profile are reported as missing parts (OutlineRule)
        boolean namedProfile = !context.profile().parts().isEmpty();
        Map<String, Integer> last = new HashMap<>();
        Map<String, Integer> levelOf = new HashMap<>();
        Block firstArabic = null;
        Block firstChinese = null;
        for (Block b : doc.blocks()) {
            if (b.numbering() == null || b.kind() != Kind.HEADING && b.kind() != Kind.LIST_ITEM) {
                continue;
            }
            Numbering n = b.numbering();
            if (b.kind() == Kind.HEADING) {
                // a heading closes every sequence below its level and every list
                last.keySet().removeIf(k -> k.startsWith("L") || levelOf.getOrDefault(k, 0) > b.level());
            }
            String key = (b.kind() == Kind.HEADING ? "H" : "L") + n.style() + n.decimalParent();
            levelOf.put(key, b.level());
            Integer previous = last.get(key);
            int value = n.value();
            if (previous != null && value > previous + 1 && !(namedProfile && n.style() == Style.CHINESE && b.level() == 1)) {
                context.add(Severity.WARNING, Tag.EXISTENCE, "numbering.gap", b, b.text(), "编号不连续：" + n.label(previous)
                        + "之后是" + n.label(value) + "，缺少" + n.label(previous + 1) + "。", n.label(previous + 1));
            }
            last.put(key, value);
            if (n.style() == Style.ARABIC_PAREN && firstArabic == null) {
                firstArabic = b;
            }
            if (n.style() == Style.CHINESE_PAREN && firstChinese == null) {
                firstChinese = b;
            }
        }
        if (firstArabic != null && firstChinese != null && !firstArabic.section().equals(firstChinese.section())) {
            context.add(Severity.WARNING, Tag.TEXT, "numbering.mixed", firstArabic, firstArabic.text(), "同一层级混用两种编号：第"
                    + firstArabic.section() + "部分用“(1)”，第" + firstChinese.section() + "部分用“（一）”。", "二级标题统一用（一）（二）……");
        }
    }
}
