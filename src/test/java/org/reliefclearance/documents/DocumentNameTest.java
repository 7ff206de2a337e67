package org.reliefclearance.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reliefclearance.documents.DocumentStore.FileFormat;

/** The stored name of a lodged file: no path, and the extension of the format its content has. */
class DocumentNameTest {

    @ParameterizedTest(name = "{0} holding {1} is stored as {2}")
    @CsvSource(delimiter = '|', value = {
            "poly.html           | PDF  | poly.pdf",
            "scan                | PNG  | scan.png",
            "packing-list.pdf    | PNG  | packing-list.png",
            "invoice.PDF         | PDF  | invoice.PDF",
            "photo.JPG           | JPEG | photo.JPG",
            "photo.jpeg          | JPEG | photo.jpeg",
            "photo.png           | JPEG | photo.jpg",
            "awb 157-1234.pdf    | PDF  | awb 157-1234.pdf",
            "report v2.1 final   | PDF  | report v2.1 final.pdf",
            "archive.tar.gz      | PDF  | archive.tar.pdf",
            "../../etc/passwd    | PDF  | passwd.pdf",
            "C:\\temp\\x.exe     | PNG  | x.png",
            "evil.pdf.           | PDF  | evil.pdf",
            ".pdf                | PDF  | document.pdf",
            "''                  | PNG  | document.png"})
    void extensionFollowsTheDetectedFormat(String original, FileFormat format, String stored) {
        assertThat(DocumentStore.safeName(original, format)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"PDF,.pdf", "PNG,.png"})
    void overlongNamesKeepTheirExtension(FileFormat format, String extension) {
        String stored = DocumentStore.safeName("n".repeat(400) + ".html", format);
        assertThat(stored).hasSize(255).endsWith("nnn" + extension);
    }

    @ParameterizedTest
    @CsvSource({"'a\"b\nc.pdf',abc.pdf"})
    void controlCharactersAndQuotesAreDropped(String original, String stored) {
        assertThat(DocumentStore.safeName(original, FileFormat.PDF)).isEqualTo(stored);
    }
}
