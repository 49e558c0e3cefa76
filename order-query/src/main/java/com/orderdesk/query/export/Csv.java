package com.orderdesk.query.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The CSV files of this module (the order list, an order's audit trail): UTF-8 with a byte order mark, so that Excel
 * opens Cyrillic as Cyrillic; a header row from the row record's {@code @JsonProperty} names; one mapper. Text cells go
 * through {@link CellText#csv} before they get here.
 */
public final class Csv {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {
    }

    /** Starts a file of {@code rowType} rows on {@code out} (the mark, then the header); write rows to it, then close it. */
    public static SequenceWriter open(Class<?> rowType, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        return MAPPER.writer(schema(rowType)).writeValues(out);
    }

    /** A whole file of {@code rows}. */
    public static <T> byte[] bytes(Class<T> rowType, List<T> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SequenceWriter writer = open(rowType, out)) {
            writer.writeAll(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static CsvSchema schema(Class<?> rowType) {
        return MAPPER.schemaFor(rowType).withHeader();
    }
}
