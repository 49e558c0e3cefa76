package com.orderdesk.query.cash;

import com.orderdesk.query.export.CellText;
import com.orderdesk.query.export.Spreadsheet;
import com.orderdesk.shared.access.ServiceAccess;
import com.orderdesk.shared.error.ErrorCode;
import com.orderdesk.shared.error.InvalidValueException;
import com.orderdesk.shared.error.RejectedException;
import com.orderdesk.shared.value.Actor;
import com.orderdesk.shared.value.Check;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/reports/cash?serviceId=&date=[&format=json|xlsx]}: the daily cash report of a service (staff and
 * auditors). The date is the service's local day; {@code date} defaults to today there. A manager reads the services
 * they are responsible for; another service is not found.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class CashReportController {
    private final CashReport report;
    private final ServiceAccess access;
    private final ZoneId zone;

    CashReportController(CashReport report, ServiceAccess access,
                         @Value("${orderdesk.time-zone:Europe/Moscow}") String zone) {
        this.report = report;
        this.access = access;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cash")
    public CashReport.Day cash(@RequestParam(required = false) String serviceId, @RequestParam(required = false) String date,
                               @RequestParam(required = false) String format, Actor actor) {
        if (format != null && !format.isBlank() && !format.strip().equals("json")) {
            throw new InvalidValueException("format", "Формат отчёта — json или xlsx.");
        }
        return day(serviceId, date, actor);
    }

    @GetMapping(path = "/cash", params = "format=xlsx", produces = Spreadsheet.MEDIA_TYPE)
    public void cashXlsx(@RequestParam(required = false) String serviceId, @RequestParam(required = false) String date,
                         Actor actor, HttpServletResponse response) throws IOException {
        CashReport.Day day = day(serviceId, date, actor);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("cash-" + day.serviceId() + "-" + day.date() + ".xlsx").build().toString());
        response.setContentType(Spreadsheet.MEDIA_TYPE);
        xlsx(day, response.getOutputStream());
    }

    private CashReport.Day day(String serviceId, String date, Actor actor) {
        String service = Check.text(serviceId, "serviceId", "услуга", 100);
        if (!access.reachOf(actor).covers(service)) {
            throw new RejectedException(ErrorCode.NOT_FOUND, "Услуга не найдена.");
        }
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date", "Дата отчёта — в виде 2026-11-30.");
        }
        // the years this service can hold (as the list's filters): year 0 or 9999 names no day of its cash
        if (day != null && (day.getYear() < 1970 || day.getYear() > 9998)) {
            throw new InvalidValueException("date", "Дата отчёта вне допустимого диапазона (годы 1970–9998).");
        }
        return report.of(service, java.util.Optional.ofNullable(day), zone);
    }

    private static void xlsx(CashReport.Day day, java.io.OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Order Desk", "1.0");
        Worksheet sheet = workbook.newWorksheet("Касса " + day.date());
        sheet.value(0, 0, "Кассовый отчёт: " + day.serviceName() + ", " + day.date().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " (" + day.timeZone() + ")");
        sheet.style(0, 0).bold().set();
        int row = 2;
        Spreadsheet.headers(sheet, row, 0, List.of("Время", "Заказ", "Операция", "Способ", "Кто", "Сумма, ₽"));
        Spreadsheet.widths(sheet, 17, 10, 12, 24, 24, 14);
        for (CashReport.Line line : day.lines()) {
            row++;
            Spreadsheet.time(sheet, row, 0, line.at().toLocalDateTime());
            sheet.value(row, 1, line.orderNumber());
            sheet.value(row, 2, CashEntryRow.PAYMENT.equals(line.kind()) ? "Оплата" : "Возврат");
            sheet.value(row, 3, line.methodLabel());
            sheet.value(row, 4, CellText.safe(line.byName()));
            BigDecimal amount = new BigDecimal(line.amount().value());
            Spreadsheet.money(sheet, row, 5, CashEntryRow.PAYMENT.equals(line.kind()) ? amount : amount.negate());
        }
        row = sums(sheet, row + 2, "По способам оплаты", day.byMethod());
        row = sums(sheet, row + 1, "По сотрудникам", day.byPerson());
        sums(sheet, row + 1, "Итого за день", List.of(day.total()));
        workbook.finish();
    }

    private static int sums(Worksheet sheet, int row, String title, List<CashReport.Sum> sums) {
        sheet.value(row, 0, title);
        sheet.style(row, 0).bold().set();
        row++;
        Spreadsheet.headers(sheet, row, 1, List.of("", "Оплат", "Получено, ₽", "Возвратов", "Возвращено, ₽", "Итого, ₽"));
        for (CashReport.Sum sum : sums) {
            row++;
            sheet.value(row, 0, sum.label());
            sheet.value(row, 1, sum.payments());
            Spreadsheet.money(sheet, row, 2, new BigDecimal(sum.paid().value()));
            sheet.value(row, 3, sum.refunds());
            Spreadsheet.money(sheet, row, 4, new BigDecimal(sum.refunded().value()));
            Spreadsheet.money(sheet, row, 5, new BigDecimal(sum.net().value()));
        }
        return row + 1;
    }
}
