package org.reliefclearance.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A packing list an organisation already has, as CSV (Apache Commons CSV) or XLSX (Apache POI),
 * read into rows of the notification form: the first row names the columns (description, HS code,
 * category, quantity, unit, value USD, gross weight kg; case, spaces and underscores do not matter,
 * other columns are left out). The rows then pass the same rules as typed ones.
 */
final class PackingList {

    static final int MAX_ROWS = 200;
    private static final Map<String, BiConsumer<NotificationForm.LineForm, String>> COLUMNS = columns();

    private PackingList() {
    }

    /** The rows of the file; {@link IllegalArgumentException} with a reader's message when it cannot be used. */
    static List<NotificationForm.LineForm> read(String fileName, InputStream content) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> table = name.endsWith(".xlsx") ? xlsx(content) : csv(content);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        List<BiConsumer<NotificationForm.LineForm, String>> setters = new ArrayList<>();
        for (String header : table.get(0)) {
            setters.add(COLUMNS.get(key(header)));
        }
        if (!table.get(0).stream().map(PackingList::key).toList().containsAll(List.of("description", "hscode"))) {
            throw new IllegalArgumentException("needs a first row naming its columns, at least Description and HS code");
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw new IllegalArgumentException("has more than " + MAX_ROWS + " lines");
        }
        List<NotificationForm.LineForm> rows = new ArrayList<>();
        for (List<String> cells : table.subList(1, table.size())) {
            NotificationForm.LineForm row = new NotificationForm.LineForm();
            for (int i = 0; i < cells.size() && i < setters.size(); i++) {
                if (setters.get(i) != null && !cells.get(i).isBlank()) {
                    setters.get(i).accept(row, cells.get(i).trim());
                }
            }
            if (!row.blank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> csv(InputStream content) throws IOException {
        List<List<String>> table = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (InputStreamReader reader = new InputStreamReader(content, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                table.add(cells);
            }
        }
        if (!table.isEmpty() && !table.get(0).isEmpty()) {
            // a byte order mark before the first header, as spreadsheet programs write it
            table.get(0).set(0, table.get(0).get(0).replace("\uFEFF", ""));
        }
        return table;
    }

    private static List<List<String>> xlsx(InputStream content) throws IOException {
        List<List<String>> table = new ArrayList<>();
        DataFormatter asShown = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : asShown.formatCellValue(cell));
                }
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    table.add(cells);
                }
            }
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new IllegalArgumentException("is not an XLSX workbook");
        }
        return table;
    }

    private static String key(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<String, BiConsumer<NotificationForm.LineForm, String>> columns() {
        Map<String, BiConsumer<NotificationForm.LineForm, String>> columns = new LinkedHashMap<>();
        columns.put("description", NotificationForm.LineForm::setDescription);
        columns.put("hscode", NotificationForm.LineForm::setHsCode);
        columns.put("category", (row, v) -> row.setCategory(v.toUpperCase(Locale.ROOT)));
        columns.put("quantity", NotificationForm.LineForm::setQuantity);
        columns.put("unit", (row, v) -> row.setUnit(v.toUpperCase(Locale.ROOT)));
        columns.put("valueusd", NotificationForm.LineForm::setValueUsd);
        columns.put("value", NotificationForm.LineForm::setValueUsd);
        columns.put("grossweightkg", NotificationForm.LineForm::setGrossWeightKg);
        columns.put("grossweight", NotificationForm.LineForm::setGrossWeightKg);
        return columns;
    }
}
