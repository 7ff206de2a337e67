package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPdfTest {

    private final HtmlPdf pdf = new HtmlPdf(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"));

    @Test
    void theDocumentLoadsNothingFromOutside(@TempDir Path dir) throws IOException {
        Path stylesheet = Files.writeString(dir.resolve("outside.css"), "p::after { content: \" LOADED\"; }");
        String page = "<html><head><link rel=\"stylesheet\" href=\"" + stylesheet.toUri() + "\"/>"
                + "<style>h1::after { content: \" INLINE\"; }</style></head>"
                + "<body><h1>Title</h1><p>Text</p><img src=\"" + stylesheet.toUri() + "\"/></body></html>";

        String text = text(pdf.render(page));

        assertThat(text).contains("Title INLINE", "Text").doesNotContain("LOADED");
    }

    @Test
    void charactersXmlDoesNotAllowAreLeftOut() throws IOException {
        assertThat(text(pdf.render("<html><body><p>bell\u0007 and tab\u000B</p></body></html>")))
                .contains("bell", "and tab");
    }

    private static String text(byte[] document) throws IOException {
        try (PDDocument loaded = Loader.loadPDF(document)) {
            return new PDFTextStripper().getText(loaded);
        }
    }
}
