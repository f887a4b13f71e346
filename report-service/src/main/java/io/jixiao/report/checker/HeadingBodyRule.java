package io.jixiao.report.checker;

import java.util.List;

import io.jixiao.report.checker.Block.Kind;
import io.jixiao.report.checker.Finding.Severity;
import io.jixiao.report.checker.Finding.Tag;

/**
 * A heading followed directly by a heading of its own or a higher level, or by the end, has no body.
 * WARNING: a short numbered sentence can be read as a heading. Entries of a table of contents are
 * not headings (they are TOC blocks) and are never reported.
 */
final class HeadingBodyRule implements Rule {

    @Override
    public List<String> ids() {
        return List.of("heading.without-body");
    }

    @Override
    public void check(ReportDocument doc, Context context) {
        List<Block> blocks = doc.blocks().stream().filter(b -> b.kind() != Kind.META && b.kind() != Kind.TOC).toList();
        for (int i = 0; i < blocks.size(); i++) {
            Block h = blocks.get(i);
            if (h.kind() != Kind.HEADING) {
                continue;
            }
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            boolean empty = next == null || next.kind() == Kind.HEADING && next.level() <= h.level();
            if (empty) {
                context.add(Severity.WARNING, Tag.EXISTENCE, "heading.without-body", h, h.text(),
                        "标题“" + h.text() + "”下没有正文。", "每个标题下应有正文");
            }
        }
    }
}
