package org.reliefclearance.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small top-to-bottom page writer over PDFBox: headings, wrapped text, label/value fields
 * and tables whose cells wrap, with page breaks and a page footer. Text is set in the configured
 * TrueType fonts (embedded, so Lao names and reasons print), or in the standard Helvetica when
 * those files are missing; characters a font cannot show are printed as '?'.
 */
final class PdfLayout implements AutoCloseable {

    /** A4 landscape: room for the dossier's wide tables. */
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 40;
    private static final float LEADING = 1.3f;

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final String footer;
    private PDPageContentStream content;
    private float y;

    PdfLayout(String footer, Path regularFont, Path boldFont) {
        this.footer = footer;
        this.regular = font(regularFont, Standard14Fonts.FontName.HELVETICA);
        this.bold = font(boldFont, Standard14Fonts.FontName.HELVETICA_BOLD);
        newPage();
    }

    /** Whether this TrueType file can be embedded; else the dossier falls back to Helvetica. */
    static boolean usable(Path fontFile) {
        return fontFile != null && Files.isReadable(fontFile);
    }

    private PDFont font(Path file, Standard14Fonts.FontName fallback) {
        if (!usable(file)) {
            return new PDType1Font(fallback);
        }
        try {
            return PDType0Font.load(document, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dossier font " + file, e);
        }
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    void title(String text) {
        write(bold, 16, text, MARGIN, width());
        y -= 4;
    }

    void heading(String text) {
        y -= 10;
        ensureRoom(12 * LEADING * 2);
        write(bold, 12, text, MARGIN, width());
        y -= 2;
    }

    void text(String text) {
        write(regular, 9, text, MARGIN, width());
    }

    /** "Label: value" with the label in bold and the value wrapped beside it. */
    void field(String label, String value) {
        float labelWidth = 150;
        List<String> lines = wrap(regular, 9, value == null || value.isBlank() ? "-" : value, width() - labelWidth);
        ensureRoom(lines.size() * 9 * LEADING);
        float top = y;
        write(bold, 9, label, MARGIN, labelWidth);
        y = top;
        write(regular, 9, value == null || value.isBlank() ? "-" : value, MARGIN + labelWidth, width() - labelWidth);
    }

    /** A table with a bold header row; column widths are fractions of the page width. */
    void table(float[] fractions, List<String> header, List<List<String>> rows) {
        float[] widths = new float[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            widths[i] = fractions[i] * width();
        }
        row(bold, widths, header, true);
        if (rows.isEmpty()) {
            text("(none)");
        }
        for (List<String> r : rows) {
            if (!row(regular, widths, r, false)) {
                row(bold, widths, header, true);
                row(regular, widths, r, false);
            }
        }
    }

    /** Writes one table row; false when a page break came first (the caller repeats the header). */
    private boolean row(PDFont font, float[] widths, List<String> cells, boolean header) {
        float size = 8;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            List<String> w = wrap(font, size, cell, widths[i] - 4);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * size * LEADING + 3;
        boolean fits = y - height >= MARGIN + 20;
        if (!fits) {
            newPage();
            if (!header) {
                return false;
            }
        }
        float x = MARGIN;
        float top = y;
        for (int i = 0; i < widths.length; i++) {
            y = top;
            for (String line : wrapped.get(i)) {
                y -= size * LEADING;
                show(font, size, line, x, y);
            }
            x += widths[i];
        }
        y = top - height;
        line(MARGIN, y + 1.5f, MARGIN + width(), y + 1.5f, header ? 0.8f : 0.2f);
        return true;
    }

    private void write(PDFont font, float size, String text, float x, float maxWidth) {
        for (String line : wrap(font, size, text, maxWidth)) {
            ensureRoom(size * LEADING);
            y -= size * LEADING;
            show(font, size, line, x, y);
        }
    }

    private void ensureRoom(float height) {
        if (y - height < MARGIN + 20) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(PDFont font, float size, String text, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2, float thickness) {
        try {
            content.setLineWidth(thickness);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words onto lines no wider than maxWidth; a word longer than a line is cut. */
    List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(font, text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(font, size, word) > maxWidth && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(font, size, word.substring(0, cut)) > maxWidth) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the font can encode; other characters become '?', tabs and CRs spaces. */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IllegalArgumentException | IOException e) {
                    out.append('?');
                }
            }
        });
        return out.toString();
    }

    byte[] toBytes() {
        try {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream page = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    page.beginText();
                    page.setFont(regular, 7);
                    page.newLineAtOffset(MARGIN, MARGIN - 14);
                    page.showText(printable(regular, footer + "  -  page " + (i + 1) + " of " + pages));
                    page.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
