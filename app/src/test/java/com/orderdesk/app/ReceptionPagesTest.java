package com.orderdesk.app;

import com.orderdesk.app.support.OrderBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A morning at the reception in the pages alone (issue 30), in a real browser: the day's list; two guests checked in by
 * their pass and one by number; one shown as not paid, paid at the desk from there and let in; one marked «Не пришёл»
 * by its deadline after the grace; yesterday's paid order completed by itself; the ticket with its pass; the guest's
 * page with the pass and then «Вы отметились». Screenshots for the README.
 *
 * <p>The rental's deadlines are on in this test's application (its own context); db-scheduler runs them by the wall
 * clock, the orders decide by the test's: the test stops the service's clock past a deadline and makes its row due.
 */
class ReceptionPagesTest {
    private static final java.time.ZoneId PERM = OrderBodies.PERM;
    private static WebDriver browser;
    private static com.orderdesk.app.support.TestApp app;
    private static Path dataDir;
    private LocalDate day;
    private int port;
    private Api manager;
    private Api guest;
    private com.orderdesk.app.support.TestClock clock;
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeAll
    static void startApp() throws Exception {
        dataDir = Files.createTempDirectory("orderdesk-reception-");
        app = com.orderdesk.app.support.TestApp.start(dataDir, "--orderdesk.demo.no-show-after=30m", "--orderdesk.demo.complete-after=1h");
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void clients() {
        port = app.port();
        manager = app.as("manager");
        guest = app.as("guest");
        clock = app.clock();
        jdbc = app.jdbc();
    }

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    private LocalDate today() {
        return clock.today(PERM);
    }

    private static String payment(String value, String method) {
        return HttpTestBase.payment(value, method);
    }

    /** «Оплатить», the guest pays at the gateway, and the order is confirmed. */
    private void payOnline(String order) {
        Api.Response pay = guest.post("/api/my/orders/" + order + "/payment", null);
        assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
        app.anonymous().post("/simulator/control/payments/" + pay.text("/paymentId") + "/succeed", null);
        com.orderdesk.app.support.Await.until("confirmation", () -> manager.get("/api/orders/" + order), r -> "CONFIRMED".equals(r.text("/status")));
    }

    /** Makes the order's {@code deadline} due now by db-scheduler's (wall) clock. */
    private void makeDue(String order, String deadline) {
        assertThat(jdbc.update("update scheduled_tasks set execution_time = ? where task_name = 'rental-deadline' and task_instance like ?",
                java.sql.Timestamp.from(java.time.Instant.now()), order + "/" + deadline + "/%")).as(deadline + " of " + order).isEqualTo(1);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserPagesTest.newBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Desktop and phone screenshots, and axe-core's WCAG rules on the page. */
    private static void pictured(WebDriver driver, String name, String what) throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        screenshot(driver, name + "-desktop");
        BrowserPagesTest.accessible(driver, what);
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot(driver, name + "-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    private WebDriverWait waiting(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private void signIn(WebDriver driver, String login) {
        driver.get("http://localhost:" + port + "/login");
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        waiting(driver).until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(login);
        driver.findElement(By.id("submit")).click();
        waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** A desk order of the day, {@code from}–{@code from + 2} o'clock, its visitor and ticket; paid in full or not. Its id. */
    private String deskOrder(int from, String visitor, String ticket, boolean paid) {
        Api.Response placed = manager.post("/api/orders", OrderBodies.order("coworking-2nd-floor", day, from, from + 2, "FULL", null)
                .replace("\"ticketNumber\":\"301\"", "\"ticketNumber\":\"" + ticket + "\"").replace("Светлана Орлова", visitor));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String id = placed.text("/orderId");
        if (paid) {
            assertThat(manager.post("/api/orders/" + id + "/payments", payment("200.00", "CARD_TERMINAL")).status()).isEqualTo(201);
        }
        return id;
    }

    /**
     * What a handheld scanner does: types the code into the field and presses Enter. (The field is clicked first:
     * headless Chromium sends keys nowhere after a modal dialog closed, though the field has the focus.) The page
     * clears the last answer when it sends the next, so the verdict waited for is this one's.
     */
    private void scan(String code) {
        browser.findElement(By.id("code")).click();
        browser.findElement(By.id("code")).sendKeys(code + Keys.ENTER);
    }

    private void expectVerdict(String verdict) {
        waiting(browser).until(ExpectedConditions.textToBe(By.id("verdict"), verdict));
    }

    @Test
    void aMorningAtTheReception() throws Exception {
        day = today().plusDays(43);
        String suffix = String.valueOf(System.nanoTime() % 10_000);
        // yesterday: an order paid at the desk, its guest came
        day = day.minusDays(1);
        clock.freezeAt(day.atTime(9, 40).atZone(PERM).toInstant());
        String yesterdays = deskOrder(10, "Ева Зайцева", "Y" + suffix, true);
        assertThat(manager.post("/api/orders/" + yesterdays + "/check-in", null).status()).isEqualTo(200);
        day = day.plusDays(1);
        clock.freezeAt(day.atTime(9, 40).atZone(PERM).toInstant());
        // this morning: yesterday's order completes by itself (an hour after its end is long past)
        makeDue(yesterdays, "COMPLETION");
        Api.Response completed = com.orderdesk.app.support.Await.until("yesterday's paid order completes by itself", () -> manager.get("/api/orders/" + yesterdays),
                r -> "COMPLETED".equals(r.text("/status")));
        assertThat(manager.get("/api/orders/" + yesterdays + "/timeline").body()).contains("Заказ выполнен автоматически");
        assertThat(completed.text("/completedAt")).startsWith(day + "T09:40");
        String first = deskOrder(10, "Анна Петрова", "A" + suffix, true);
        String second = deskOrder(10, "Борис Смирнов", "B" + suffix, true);
        String third = deskOrder(10, "Вера Козлова", "C" + suffix, true);
        String unpaid = deskOrder(10, "Глеб Орлов", "D" + suffix, false);
        String absent = deskOrder(10, "Дина Лебедева", "E" + suffix, true);

        signIn(browser, "manager");
        browser.get("http://localhost:" + port + "/reception.html");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#guests tr")).size() >= 5);
        assertThat(browser.findElement(By.id("dayTitle")).getText()).startsWith("Гости на ");

        // two guests by their pass, as the scanner types it
        scan(manager.get("/api/orders/" + first + "/pass").text("/code"));
        expectVerdict("Проходите");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Анна Петрова");
        scan(manager.get("/api/orders/" + second + "/pass").text("/code"));
        expectVerdict("Проходите");
        // one by the ticket's number, typed
        scan("C" + suffix);
        expectVerdict("Проходите");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Вера Козлова");
        // the same pass again: already in, nothing changes
        scan(manager.get("/api/orders/" + first + "/pass").text("/code"));
        expectVerdict("Уже отметились в 09:40.");

        // one who has not paid: shown so, paid from here, then let in
        scan("D" + suffix);
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("payAmount")));
        assertThat(browser.findElement(By.id("verdict")).getText().replace('\u00a0', ' ')).isEqualTo("Не оплачено: к оплате 200 ₽");
        assertThat(browser.findElement(By.id("payAmount")).getAttribute("value")).isEqualTo("200.00");
        pictured(browser, "reception-payment", "«Приём гостей»: оплата");
        browser.findElement(By.id("paySave")).click();
        expectVerdict("Проходите");
        assertThat(manager.get("/api/orders/" + unpaid).text("/paymentStatus")).isEqualTo("PAID");

        // a pass that was never issued
        scan("1000001-123456789012345678901234");
        expectVerdict("Пропуск недействителен");

        // half an hour after the start: the guest who did not come is marked by the no-show deadline
        clock.freezeAt(day.atTime(10, 31).atZone(PERM).toInstant());
        makeDue(absent, "NO_SHOW");
        waiting(browser).until(d -> "NO_SHOW".equals(d.findElement(By.cssSelector("#guests tr[data-order-id='" + absent + "']"))
                .getAttribute("data-state")));
        for (String in : new String[] {first, second, third, unpaid}) {
            assertThat(browser.findElement(By.cssSelector("#guests tr[data-order-id='" + in + "']")).getAttribute("data-state"))
                    .isEqualTo("CHECKED_IN");
        }
        assertThat(browser.findElement(By.id("counts")).getText()).contains("пришли: 4").contains("не пришли: 1");
        scan(manager.get("/api/orders/" + second + "/pass").text("/code"));
        expectVerdict("Уже отметились в 09:40.");
        pictured(browser, "reception", "«Приём гостей»");

        // the ticket, from the order form's «Билет №…»
        browser.get("http://localhost:" + port + "/order.html?id=" + third);
        waiting(browser).until(ExpectedConditions.elementToBeClickable(By.id("ticketLink"))).click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("checkedIn")));
        assertThat(browser.findElement(By.id("ticketNumber")).getText()).isEqualTo("Билет № C" + suffix);
        assertThat(browser.findElement(By.id("checkedIn")).getText()).contains("по номеру билета");
        assertThat(browser.findElement(By.id("passCode")).getText()).matches("\\d{7}-\\d{24}");
        waiting(browser).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("const i = document.getElementById('passImage'); return i.complete && i.naturalWidth > 0;")));
        pictured(browser, "ticket", "«Билет»");
    }

    @Test
    void theGuestShowsThePassFromTheirPhoneAndSeesTheyCheckedIn() throws Exception {
        day = today().plusDays(44);
        Api.Response placed = guest.post("/api/my/orders", OrderBodies.order("coworking-2nd-floor", day, 10, 12, "FULL", null));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        payOnline(order);
        WebDriver phone = BrowserPagesTest.newBrowser();
        try {
            signIn(phone, "guest");
            phone.get("http://localhost:" + port + "/my/orders/" + order);
            waiting(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("passImage")));
            waiting(phone).until(d -> d.findElement(By.id("passCode")).getText().matches("\\d{7}-\\d{24}"));
            assertThat(phone.findElement(By.id("calendar")).getAttribute("href")).endsWith("/api/my/orders/" + order + "/calendar.ics");
            pictured(phone, "guest-pass", "the guest's pass");

            clock.freezeAt(day.atTime(9, 55).atZone(PERM).toInstant());
            Api.Response in = manager.post("/api/reception/check-in", "{\"code\":\"" + phone.findElement(By.id("passCode")).getText() + "\"}");
            assertThat(in.status()).as(in.toString()).isEqualTo(200);
            // the page follows the order: the check-in shows without a reload
            waiting(phone).until(ExpectedConditions.textToBe(By.id("checkedIn"), "Вы отметились в 09:55."));
            assertThat(phone.findElement(By.id("passImage")).isDisplayed()).isFalse();
            pictured(phone, "guest-checked-in", "the guest's page after the check-in");
        } finally {
            phone.quit();
        }
    }
}
