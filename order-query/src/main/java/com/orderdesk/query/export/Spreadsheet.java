package com.orderdesk.query.export;

import org.dhatim.fastexcel.Worksheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** The cells this module's XLSX files share (the list export, the cash report): one look for headers, money and times. */
public final class Spreadsheet {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheet() {
    }

    /** Bold headers from {@code firstColumn} on, in row {@code row}. */
    public static void headers(Worksheet sheet, int row, int firstColumn, List<String> headers) {
        for (int c = firstColumn; c < headers.size(); c++) {
            sheet.value(row, c, headers.get(c));
            sheet.style(row, c).bold().set();
        }
    }

    public static void widths(Worksheet sheet, int... widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, widths[c]);
        }
    }

    /** Roubles as a number a spreadsheet sums, shown with two decimals. */
    public static void money(Worksheet sheet, int row, int column, BigDecimal rubles) {
        sheet.value(row, column, rubles);
        sheet.style(row, column).format("#,##0.00").set();
    }

    /** A time as a spreadsheet time (the service's local one), shown to the minute. */
    public static void time(Worksheet sheet, int row, int column, LocalDateTime at) {
        sheet.value(row, column, at);
        sheet.style(row, column).format("dd.mm.yyyy hh:mm").set();
    }
}
