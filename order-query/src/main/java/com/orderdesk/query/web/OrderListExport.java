package com.orderdesk.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.orderdesk.query.list.OrderSummary;
import com.orderdesk.query.export.CellText;
import com.orderdesk.query.export.Csv;
import com.orderdesk.query.export.Spreadsheet;
import com.orderdesk.shared.value.Money;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order list as an accountant takes it away: the same rows as the page, filtered the same way, every one of them
 * (not a page), as CSV (UTF-8 with a BOM, RFC 4180) or XLSX (numbers as numbers, times as times). Times and dates are
 * the service's; money in roubles. Written as the rows are read, so the size of the export costs no memory.
 */
final class OrderListExport {
    static final List<String> HEADERS = List.of("Номер", "Создан", "Услуга", "Начало аренды", "Окончание аренды", "Посетитель",
            "Билет", "Статус", "Оплата", "Стоимость, ₽", "Остаток, ₽", "Исполнитель", "Срок исполнения");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private OrderListExport() {
    }

    /** Feeds every row of the export to the consumer it is given. */
    interface Rows {
        void forEach(Consumer<OrderSummary> row);
    }

    @JsonPropertyOrder({"Номер", "Создан", "Услуга", "Начало аренды", "Окончание аренды", "Посетитель", "Билет", "Статус",
            "Оплата", "Стоимость, ₽", "Остаток, ₽", "Исполнитель", "Срок исполнения"})
    record CsvRow(@JsonProperty("Номер") String number, @JsonProperty("Создан") String createdAt,
                  @JsonProperty("Услуга") String service, @JsonProperty("Начало аренды") String rentalStart,
                  @JsonProperty("Окончание аренды") String rentalEnd, @JsonProperty("Посетитель") String visitor,
                  @JsonProperty("Билет") String ticket, @JsonProperty("Статус") String status,
                  @JsonProperty("Оплата") String paymentStatus, @JsonProperty("Стоимость, ₽") String total,
                  @JsonProperty("Остаток, ₽") String remainder, @JsonProperty("Исполнитель") String executor,
                  @JsonProperty("Срок исполнения") String dueDate) {
    }

    static void csv(Rows rows, OutputStream out) throws IOException {
        try (SequenceWriter writer = Csv.open(CsvRow.class, out)) {
            rows.forEach(o -> {
                try {
                    writer.write(new CsvRow(o.number(), TIME.format(o.createdAt()), CellText.csv(o.serviceName()),
                            o.rentalPeriod() == null ? "" : TIME.format(o.rentalPeriod().start()),
                            o.rentalPeriod() == null ? "" : TIME.format(o.rentalPeriod().end()), CellText.csv(o.visitorName()),
                            CellText.csv(o.ticketNumber()), o.statusLabel(), o.paymentStatusLabel(), rubles(o.total()),
                            rubles(o.remainder()), CellText.csv(o.executorName()), DATE.format(o.dueDate())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void xlsx(Rows rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Order Desk", "1.0");
        Worksheet sheet = workbook.newWorksheet("Заказы");
        Spreadsheet.headers(sheet, 0, 0, HEADERS);
        sheet.freezePane(0, 1);
        Spreadsheet.widths(sheet, 10, 17, 24, 17, 17, 28, 10, 16, 18, 13, 13, 22, 14);
        int[] r = {0};
        rows.forEach(o -> {
            int row = ++r[0];
            sheet.value(row, 0, o.number());
            Spreadsheet.time(sheet, row, 1, o.createdAt().toLocalDateTime());
            sheet.value(row, 2, CellText.safe(o.serviceName()));
            if (o.rentalPeriod() != null) {
                Spreadsheet.time(sheet, row, 3, o.rentalPeriod().start().toLocalDateTime());
                Spreadsheet.time(sheet, row, 4, o.rentalPeriod().end().toLocalDateTime());
            }
            sheet.value(row, 5, CellText.safe(o.visitorName()));
            sheet.value(row, 6, CellText.safe(o.ticketNumber()));
            sheet.value(row, 7, o.statusLabel());
            sheet.value(row, 8, o.paymentStatusLabel());
            Spreadsheet.money(sheet, row, 9, new BigDecimal(o.total().value()));
            Spreadsheet.money(sheet, row, 10, new BigDecimal(o.remainder().value()));
            sheet.value(row, 11, CellText.safe(o.executorName()));
            sheet.value(row, 12, o.dueDate());
            sheet.style(row, 12).format("dd.mm.yyyy").set();
            if (row % 1_000 == 0) {
                try {
                    sheet.flush(); // the rows so far go out; the sheet keeps none of them
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        workbook.finish();
    }

    private static String rubles(Money amount) {
        return amount.value();
    }

}
