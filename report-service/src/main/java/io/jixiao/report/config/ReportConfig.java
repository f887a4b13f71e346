package io.jixiao.report.config;

import java.nio.file.Path;
import java.time.Duration;

import io.jixiao.report.assembly.PdfFonts;
import io.jixiao.report.assembly.PdfRenderer;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * report-service's own settings (env: JIXIAO_REPORT_PDF_BODY_FONT, …). The PDF fonts default to
 * Debian's packages; PDFBox embeds only TrueType outlines, so Noto CJK (CFF in a TTC) cannot be used.
 */
@ConfigMapping(prefix = "jixiao.report")
public interface ReportConfig {

    String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc";
    String UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc";
    String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    String LIBERATION_SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";

    Pdf pdf();

    Batch batch();

    /**
     * Bytes of rendered DOCX and PDF files kept for repeated downloads of an unchanged report (keyed by
     * the report's digest, so a change is never served stale). 0: every download renders.
     */
    @WithDefault("8388608")
    long renderCacheBytes();

    Rebuild rebuild();

    Summary summary();

    /** 全区汇总 rows refreshed after events (SummaryRefresher). */
    interface Summary {
        /**
         * How long an event-driven refresh waits, so that the events of one change (a save, its rescoring)
         * and of a burst (an import, a district rescoring) cost one refresh per department-year.
         */
        @WithDefault("200ms")
        Duration refreshDelay();

        /** How often marks of other instances and of a crash are looked for. */
        @WithDefault("5s")
        Duration tick();
    }

    Checks checks();

    Submit submit();

    Publication publication();

    /** 信息公开: the public read-only API, open to anyone, so limited per client address and cacheable. */
    interface Publication {
        /**
         * Requests a client address may make in a burst (per instance), far below a signed-in user's
         * bucket: nobody needs more to read a list and a few reports, and the API is open to scripts.
         */
        @WithDefault("30")
        int burst();

        /** Requests per second an address gets back after a burst. */
        @WithDefault("1")
        int perSecond();

        /**
         * Cache-Control max-age of the public answers: short, because an unpublished report must not stay
         * in shared caches for long; past it, a cache revalidates with the ETag and gets 304 while nothing changed.
         */
        @WithDefault("60")
        int maxAgeSeconds();

        /**
         * Addresses of the proxy tier besides loopback (e.g. the web pods of a cluster): a request from one
         * is counted by the client address the proxy appended to X-Forwarded-For.
         */
        java.util.Optional<java.util.List<String>> trustedProxies();
    }

    Review review();

    /** 抽查复核 (docs/season.md). */
    interface Review {
        /** A department is flagged 自评偏差较大 when |self total − re-review total| is more than this (points). */
        @WithDefault("10")
        java.math.BigDecimal deviationThreshold();
    }

    interface Submit {
        /**
         * How long POST …/submit waits for budget-service and evaluation-service to confirm their locks
         * (polling its own database) before it answers 202 SUBMITTING instead of 200 SUBMITTED.
         */
        @WithDefault("3s")
        Duration confirmWait();
    }

    interface Pdf {
        /** 正文 (the 仿宋 of the DOCX): a 明体/宋体-style face. */
        @WithDefault(UMING)
        Path bodyFont();

        /** PostScript name of the face inside a .ttc (ignored for a .ttf). */
        @WithDefault("UMingCN")
        String bodyFontName();

        /** 一级标题 (黑体). */
        @WithDefault(ZENHEI)
        Path headingFont();

        @WithDefault("WenQuanYiZenHei")
        String headingFontName();

        /** 二级标题 (楷体). */
        @WithDefault(UKAI)
        Path kaiFont();

        @WithDefault("UKaiCN")
        String kaiFontName();

        /** Digits and Latin letters (the DOCX's Times New Roman): Liberation Serif has its metrics. */
        @WithDefault(LIBERATION_SERIF)
        Path latinFont();

    }

    static PdfFonts.Fonts fonts(Pdf p) {
        return new PdfFonts.Fonts(
                new PdfFonts.FontFile(p.bodyFont(), p.bodyFontName(), "fonts-arphic-uming"),
                new PdfFonts.FontFile(p.headingFont(), p.headingFontName(), "fonts-wqy-zenhei"),
                new PdfFonts.FontFile(p.kaiFont(), p.kaiFontName(), "fonts-arphic-ukai"),
                new PdfFonts.FontFile(p.latinFont(), null, "fonts-liberation"));
    }

    interface Batch {
        /** How long finished batch jobs (and their documents) are kept before they are deleted. */
        @WithDefault("P7D")
        Duration keep();

        /** Reports rendered at once in a batch: one per core of a 2-core host; more only with more cores. */
        @WithDefault("2")
        int workers();
    }

    interface Rebuild {
        /** How long the rebuild waits for one poll of the topics before it decides it has reached their end. */
        @WithDefault("PT5S")
        Duration pollTimeout();
    }

    /** POST /api/v1/checks, the checker on an uploaded report (README, configuration). */
    interface Checks {
        /** Time one check may take; a document that needs longer is refused with 413 check.too-complex. */
        @WithDefault("PT2S")
        Duration timeBudget();

        /** Checks a caller may start in a burst (per caller and instance; 429 with Retry-After beyond). */
        @WithDefault("20")
        int burst();

        /** Checks per second a caller gets back after a burst. */
        @WithDefault("1")
        int perSecond();
    }

    /** The Debian defaults, for tools and tests outside the container. */
    static PdfFonts.Fonts debianFonts() {
        return new PdfFonts.Fonts(
                new PdfFonts.FontFile(Path.of(UMING), "UMingCN", "fonts-arphic-uming"),
                new PdfFonts.FontFile(Path.of(ZENHEI), "WenQuanYiZenHei", "fonts-wqy-zenhei"),
                new PdfFonts.FontFile(Path.of(UKAI), "UKaiCN", "fonts-arphic-ukai"),
                new PdfFonts.FontFile(Path.of(LIBERATION_SERIF), null, "fonts-liberation"));
    }
}
