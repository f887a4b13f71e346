package io.jixiao.report.service;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.ProblemException;
import io.jixiao.report.assembly.DocxRenderer;
import io.jixiao.report.assembly.PdfFonts;
import io.jixiao.report.assembly.PdfRenderer;
import io.jixiao.report.assembly.Report;
import io.jixiao.report.assembly.XlsxScoreTable;
import io.jixiao.report.config.ReportConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The report's files: DOCX, PDF (fonts kept open between documents) and the 评分表 as XLSX. A missing
 * PDF font is logged at startup and refused at generation with a 503 that names the file and package;
 * the rest of the service keeps working.
 */
@ApplicationScoped
public class ReportDocuments {

    private static final Logger LOG = Logger.getLogger(ReportDocuments.class);

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    private final PdfFonts.Fonts fonts;
    private final PdfRenderer.Engine engine;
    private final ObjectMapper mapper;
    private final RenderCache rendered;

    public ReportDocuments(ReportConfig config, ObjectMapper mapper) {
        this.fonts = ReportConfig.fonts(config.pdf());
        this.engine = new PdfRenderer.Engine(fonts);
        this.mapper = mapper;
        this.rendered = new RenderCache(config.renderCacheBytes());
    }

    void checkFonts(@Observes StartupEvent start) {
        try {
            fonts.validate();
            LOG.infof("PDF fonts ready: %s, %s, %s, %s", fonts.body().path(), fonts.heading().path(), fonts.kai().path(),
                    fonts.latin().path());
        } catch (PdfFonts.FontException e) {
            LOG.errorf("PDF reports cannot be generated until this is fixed: %s", e.getMessage());
        }
    }

    public byte[] docx(Report r) {
        return rendered.get("docx:" + digest(r), () -> DocxRenderer.render(r));
    }

    public byte[] pdf(Report r) {
        return rendered.get("pdf:" + digest(r), () -> renderPdf(r));
    }

    /** SHA-256 of the report as JSON: everything a render shows (text, tables, score, unit, date). */
    private String digest(Report r) {
        try {
            return FilingService.sha256(mapper.writeValueAsBytes(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report not serialisable", e);
        }
    }

    private byte[] renderPdf(Report r) {
        try {
            return engine.render(r);
        } catch (PdfFonts.FontException e) {
            LOG.error(e.getMessage());
            throw new ProblemException(503, "report.pdf-fonts-missing", String.valueOf(e.font().path()),
                    e.font().debianPackage());
        }
    }

    public byte[] scoreXlsx(Report r) {
        if (r.score() == null) {
            throw ProblemException.notFound("report.score-missing");
        }
        return XlsxScoreTable.render(r);
    }

    @PreDestroy
    void close() {
        engine.close();
    }
}
