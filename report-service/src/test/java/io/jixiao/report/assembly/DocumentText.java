package io.jixiao.report.assembly;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The text of each output read back, so tests compare what a reader of each format sees. */
public final class DocumentText {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?m)^\\s*—\\s*\\d+\\s*—\\s*$");

    private DocumentText() {
    }

    /** The HTML preview's text: one line per heading, paragraph and table cell. */
    public static String html(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", "");
        body = body.replaceAll("<(?:/?)(?:h1|h2|h3|p|td|th|tr|article)\\b[^>]*>", "\n").replaceAll("<[^>]+>", "");
        return body.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    public static String docx(byte[] bytes) throws Exception {
        // the body only: the footers hold the page numbers
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder out = new StringBuilder();
            for (var element : doc.getBodyElements()) {
                if (element instanceof org.apache.poi.xwpf.usermodel.XWPFParagraph p) {
                    out.append(p.getText()).append('\n');
                } else if (element instanceof org.apache.poi.xwpf.usermodel.XWPFTable t) {
                    for (var row : t.getRows()) {
                        for (var cell : row.getTableCells()) {
                            out.append(cell.getText()).append('\n');
                        }
                    }
                }
            }
            return out.toString();
        }
    }

    /** PDFBox's text of every page, without the page numbers at the foot. */
    public static String pdf(byte[] bytes) throws Exception {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return PAGE_NUMBER.matcher(new PDFTextStripper().getText(doc)).replaceAll("");
        }
    }

    /** Without any white space: line breaks and spacing differ between formats, the characters must not. */
    public static String squash(String text) {
        return text.replaceAll("[\\s\\u00A0\\u3000]+", "");
    }

    /** The same characters in the same order; on a difference, says where and shows both sides there. */
    public static void assertSameText(String expected, String actual) {
        String e = squash(expected);
        String a = squash(actual);
        if (e.equals(a)) {
            return;
        }
        int i = 0;
        while (i < e.length() && i < a.length() && e.charAt(i) == a.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 30);
        throw new AssertionError("texts differ at character " + i + ":\n expected …" + e.substring(from, Math.min(e.length(), i + 40))
                + "\n actual   …" + a.substring(from, Math.min(a.length(), i + 40)));
    }

    /** A table's header row repeated at the top of a continued page counts once. */
    public static String withoutRepeatedHeaders(String text, String... headerRows) {
        String out = squash(text);
        for (String header : headerRows) {
            int first = out.indexOf(header);
            if (first >= 0) {
                out = out.substring(0, first + header.length()) + out.substring(first + header.length()).replace(header, "");
            }
        }
        return out;
    }

    /**
     * The expected figures appear among the text's numbers in this order. Checked against the data, not
     * against another rendering: two formats that agree with each other can still both be wrong or empty.
     */
    public static void assertFiguresInOrder(List<String> expected, String text) {
        List<String> found = numbers(text);
        int at = 0;
        for (String figure : expected) {
            int i = found.subList(at, found.size()).indexOf(figure);
            if (i < 0) {
                throw new AssertionError("figure " + figure + " missing (in this order " + expected + ") among " + found);
            }
            at += i + 1;
        }
    }

    public static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(squash(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
