package io.jixiao.report.checker;

import java.util.List;

import io.jixiao.report.checker.Block.Kind;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * Existence against the detected outline profile: a part missing from it (FATAL), level-1 headings
 * out of order (WARNING), and, when no outline is recognisable at all, one finding saying so.
 */
final class OutlineRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("outline.unrecognised", "outline.missing-section", "outline.order");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        OutlineProfile profile = context.profile();
        if (profile == OutlineProfile.NONE) {
            unrecognised(doc, context);
            return;
        }
        List<Block> heads = OutlineProfile.level1(doc);
        int last = 0;
        for (Block h : heads) {
            int n = h.numbering().value();
            if (n <= last) {
                context.add(Severity.WARNING, Tag.EXISTENCE, "outline.order", h, h.text(), "一级标题顺序错误：“"
                        + h.numbering().marker() + "”出现在“" + h.numbering().label(last) + "”之后（可能是重复的标题或编号错误）。",
                        "一级标题按顺序排列");
            }
            last = Math.max(last, n);
        }
        for (int k : profile.missing(doc)) {
            OutlineProfile.Part part = profile.parts().get(k - 1);
            // reported where the part belongs: before the first heading of a later part
            int at = doc.blocks().size();
            for (int later = k; later < profile.parts().size() && at == doc.blocks().size(); later++) {
                Block b = profile.find(profile.parts().get(later), doc);
                if (b != null) {
                    at = b.number();
                }
            }
            String name = Numbering.chinese(k) + "、" + part.title();
            context.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "outline.missing-section", Numbering.chinese(k), at, "",
                    "缺少第" + Numbering.chinese(k) + "部分“" + name + "”（按检测到的提纲：" + profile.label() + "）。", name));
        }
    }

    private static void unrecognised(ReportDocument doc, Context context) {
        List<Block> blocks = doc.blocks();
        String expected = "六部分提纲（一、单位基本情况 … 六、其他需要说明的情况）、八部分提纲（摘要 … 附件）或表格式自评报告";
        String message;
        if (blocks.isEmpty()) {
            message = "文档中没有可读取的文字（可能是扫描件、图片或空文件），无法检查。";
        } else if (blocks.stream().allMatch(b -> b.kind() == Kind.TABLE_ROW || b.kind() == Kind.META)) {
            message = "文档只有表格，没有可识别的报告提纲：已检查表格中的数字，未检查章节。";
        } else {
            message = "未识别出报告提纲：没有“一、”“二、”等一级标题，也不是表格式自评报告；已检查数字和文字，未检查章节。";
        }
        Block first = blocks.isEmpty() ? null : blocks.get(0);
        context.add(new Finding(Severity.FATAL, Tag.EXISTENCE, "outline.unrecognised", "", 0,
                first == null ? "" : Evidence.cap(first.text()), message, expected));
    }
}
