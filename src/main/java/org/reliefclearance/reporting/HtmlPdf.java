package org.reliefclearance.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * XHTML (rendered by a Thymeleaf template) to PDF with openhtmltopdf. The configured TrueType
 * fonts are embedded under the family {@value #FONT_FAMILY}, so Lao names and reasons print;
 * without them the renderer's built-in Helvetica is used and Lao letters print as '?'. The
 * document may load nothing from outside: no URL, no file.
 */
@Component
public class HtmlPdf {

    /** The family templates ask for first: {@code font-family: Dossier, sans-serif}. */
    static final String FONT_FAMILY = "Dossier";
    private static final String MISSING_GLYPH = "?";
    /** Characters XML 1.0 does not allow (control characters a user might have typed). */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private static final Logger log = LoggerFactory.getLogger(HtmlPdf.class);

    private final Path regularFont;
    private final Path boldFont;

    HtmlPdf(@Value("${relief.dossier.font}") Path regularFont, @Value("${relief.dossier.bold-font}") Path boldFont) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
        XRLog.setLoggerImpl(new RendererLog()); // the library's logging is global
        if (!usable(regularFont)) {
            log.warn("Dossier font {} not found: dossiers use Helvetica and print Lao text as '?'", regularFont);
        }
    }

    static boolean usable(Path fontFile) {
        return fontFile != null && Files.isRegularFile(fontFile) && Files.isReadable(fontFile);
    }

    public byte[] render(String xhtml) {
        PdfRendererBuilder pdf = new PdfRendererBuilder();
        if (usable(regularFont)) {
            pdf.useFont(regularFont.toFile(), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        }
        if (usable(boldFont)) {
            pdf.useFont(boldFont.toFile(), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        }
        for (ExternalResourceControlPriority when : ExternalResourceControlPriority.values()) {
            pdf.useExternalResourceAccessControl((uri, type) -> false, when);
        }
        pdf.useReplacementText(MISSING_GLYPH);
        pdf.withHtmlContent(NOT_XML.matcher(xhtml).replaceAll(" "), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.toStream(out);
        try {
            pdf.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the PDF", e);
        }
        return out.toByteArray();
    }
}
