package com.orderdesk.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages in a real browser (Debian's Chromium, headless): sign in, the order list, search; screenshots. */
class BrowserPagesTest extends HttpTestBase {
    private static WebDriver browser;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = newBrowser();
    }

    static WebDriver newBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=ru-RU", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * axe-core's WCAG 2.1 A/AA rules on the page as it stands (dialogs open included): no serious or critical
     * violation. A failure names each rule, its help text and the elements it found.
     */
    static void accessible(WebDriver driver, String what) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        java.util.List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " — "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        assertThat(serious).as("axe-core on " + what).isEmpty();
    }

    /** A page worth showing: screenshots on a desktop and a phone, and axe-core's rules on it. */
    private static void pictured(String name, String what) throws Exception {
        screenshot(name + "-desktop");
        accessible(browser, what);
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot(name + "-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private WebDriverWait waiting() {
        // pages re-render what they show as events arrive; an element read mid-render is looked up again
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private static void screenshot(String name) throws Exception {
        screenshot(browser, name);
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aManagerSignsInAndFindsTheSeedsOrderInTheList() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get("http://localhost:" + port + "/login");
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        waiting().until(ExpectedConditions.urlContains("/login"));
        waiting().until(driver -> !driver.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        screenshot("login-desktop");
        accessible(browser, "the sign-in page");
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("message"), "Неверный логин или пароль."));

        waiting().until(driver -> !driver.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("manager");
        browser.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("who"), "Ирина Соколова"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows tr")));
        screenshot("list-desktop");
        accessible(browser, "the order list");

        browser.findElement(By.id("q")).sendKeys("1006313");
        waiting().until(driver -> driver.findElements(By.cssSelector("#rows tr")).size() == 1);
        String row = browser.findElement(By.cssSelector("#rows tr")).getText();
        assertThat(row).contains("1006313").contains("Алексей Трошков").contains("Оплачен");

        // «Выгрузить: XLSX» takes the list as filtered: the test opens the file and finds the page's rows in it
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("Трошков");
        waiting().until(driver -> driver.findElement(By.id("exportXlsx")).getAttribute("href").contains("q=%D0%A2%D1%80%D0%BE%D1%88%D0%BA%D0%BE%D0%B2"));
        // the rows of this search, not the previous one's (the single row of «1006313» also names Трошков): the page
        // shows what the list API answers for the same query
        java.util.List<String> found = new java.util.ArrayList<>();
        manager.get("/api/orders?sort=createdAt,desc&page=0&size=20&q=" + java.net.URLEncoder.encode("Трошков", java.nio.charset.StandardCharsets.UTF_8))
                .json().path("items").forEach(item -> found.add(item.path("number").asText()));
        assertThat(found).isNotEmpty();
        waiting().until(driver -> {
            java.util.List<WebElement> rows = driver.findElements(By.cssSelector("#rows tr"));
            return !rows.isEmpty() && rows.stream().allMatch(tr -> tr.getText().contains("Трошков"))
                    && rows.stream().map(tr -> tr.findElement(By.tagName("b")).getText()).toList().equals(found);
        });
        java.util.List<String> shown = browser.findElements(By.cssSelector("#rows tr")).stream()
                .map(tr -> tr.findElement(By.tagName("b")).getText()).toList();
        Api.Download xlsx = manager.download(browser.findElement(By.id("exportXlsx")).getAttribute("href"));
        assertThat(xlsx.status()).isEqualTo(200);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            java.util.List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.subList(1, rows.size())).extracting(r -> r.getCellText(0)).startsWith(shown.toArray(String[]::new));
            assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.getCellText(5)).contains("Трошков"));
        }

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("Трошков");
        waiting().until(driver -> driver.findElements(By.cssSelector("#rows tr")).size() >= 1);
        screenshot("list-phone");

        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("message"), "Вы вышли из системы."));
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("login-phone");
    }

    private void signIn(String login) {
        browser.get("http://localhost:" + port + "/login");
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        waiting().until(driver -> !driver.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(login);
        browser.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** Signs a guest in, in their own browser, and waits for «Мои заказы». */
    private WebDriverWait signedInGuest(WebDriver guestBrowser, String login) {
        WebDriverWait guestWait = (WebDriverWait) new WebDriverWait(guestBrowser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        guestBrowser.get("http://localhost:" + port + "/login");
        guestWait.until(driver -> !driver.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        guestBrowser.findElement(By.id("username")).sendKeys(login);
        guestBrowser.findElement(By.id("password")).sendKeys(login);
        guestBrowser.findElement(By.id("submit")).click();
        guestWait.until(ExpectedConditions.urlContains("/my.html"));
        return guestWait;
    }

    private void pay(String amount) {
        browser.findElement(By.id("recordPayment")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("amount")));
        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys(amount);
        browser.findElement(By.id("paymentSave")).click();
    }

    @Test
    void aManagerWorksAnOrderInTheOrderForm() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        String number = manager.post("/api/orders", orderBody(2, 4, "PARTIAL")).text("/number");
        String other = manager.post("/api/orders", orderBody(2, 2, "FULL")).text("/orderId");
        signIn("manager");
        browser.findElement(By.id("q")).sendKeys(number);
        waiting().until(driver -> driver.findElements(By.cssSelector("#rows tr")).size() == 1);
        browser.findElement(By.cssSelector("#rows tr")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("number"), number));
        assertThat(browser.findElement(By.id("lines")).getText()).contains("4 x 100").contains("400");
        assertThat(browser.findElement(By.id("period")).getText()).startsWith("Период аренды: ").contains("с 10:00 до 14:00");

        pay("360");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("paymentError"), "не должен быть менее 50"));
        assertThat(browser.findElement(By.id("amountHint")).getText()).contains("Остаток к оплате не должен быть менее 50");
        pictured("payment-dialog", "«Провести оплату»");
        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys("350");
        browser.findElement(By.id("paymentSave")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("remainder"), "50"));
        pay("50");
        waiting().until(ExpectedConditions.textToBe(By.id("paymentStatus"), "Оплачен"));
        assertThat(detail(manager.get("/api/orders/by-number/" + number).text("/orderId")).json().at("/payments").size()).isEqualTo(2);

        browser.findElement(By.id("changeExecutor")).click();
        // the chooser offers the service's responsible staff, the signed-in manager first chosen
        waiting().until(driver -> new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("executorId"))).getOptions().size() == 2);
        org.openqa.selenium.support.ui.Select executors = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("executorId")));
        assertThat(executors.getOptions()).extracting(WebElement::getText).containsExactly("Ирина Соколова", "Пётр Иванов");
        assertThat(executors.getFirstSelectedOption().getText()).isEqualTo("Ирина Соколова");
        executors.selectByVisibleText("Пётр Иванов");
        browser.findElement(By.cssSelector("#executorForm button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("executor"), "Пётр Иванов"));

        browser.findElement(By.id("tabInternal")).click();
        browser.findElement(By.id("message")).sendKeys("Гость просил место у окна");
        browser.findElement(By.id("send")).click();
        // among the internal lines (the executor's change is one too)
        waiting().until(driver -> driver.findElements(By.cssSelector("#timeline .entry.INTERNAL")).stream()
                .anyMatch(entry -> entry.getText().contains("место у окна")));
        screenshot("order-desktop");
        accessible(browser, "the order form");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("order-phone");

        // another order, open; another manager pays at the desk: the form shows it without reload
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get("http://localhost:" + port + "/order.html?id=" + other);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("remainder"), "200"));
        assertThat(service.post("/api/orders/" + other + "/payments", payment("100.00", "CASH")).status()).isEqualTo(201);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("payments"), "Пётр Иванов"));

        browser.findElement(By.id("menu")).click();
        browser.findElement(By.id("cancelOrder")).click();
        browser.findElement(By.id("reason")).sendKeys("Гость передумал");
        browser.findElement(By.id("cancelSubmit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("cancelError"), "Подтвердите"));
        browser.findElement(By.id("confirmCancel")).click();
        browser.findElement(By.id("cancelSubmit")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "Отменен"));
        assertThat(manager.get("/api/orders/" + other).text("/cancellation/reason")).isEqualTo("Гость передумал");
    }

    /** Sets an input the way a person's choice in a date or time picker does (their typed form depends on the locale). */
    private static void choose(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", browser.findElement(By.id(id)), value);
    }

    /** The element's text is this, whether the browser reports a non-breaking space as one or as a plain space. */
    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> shows(String id, String text) {
        return driver -> driver.findElement(By.id(id)).getText().replace('\u00a0', ' ').equals(text);
    }

    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> showsPart(String id, String text) {
        return driver -> driver.findElement(By.id(id)).getText().replace('\u00a0', ' ').contains(text);
    }

    @Test
    void aManagerCreatesAWalkInOrderAtTheDeskAndTakesItsMoneyInTwoPayments() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("manager");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("newOrder"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("noVisitorName")));
        // focus is in the form; Esc closes it, and it opens again
        waiting().until(driver -> "noVisitorName".equals(driver.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waiting().until(driver -> driver.findElement(By.id("newOrderDialog")).getAttribute("open") == null);
        browser.findElement(By.id("newOrder")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("noVisitorName")));
        String day = today().plusDays(1).toString();
        choose("noDate", day);
        choose("noFrom", "09:00");
        choose("noTo", "13:00");
        // the price comes from the server before saving: 4 hours × 100 ₽
        waiting().until(shows("noTotal", "400 ₽"));
        assertThat(browser.findElement(By.id("noMinimum")).getText().replace('\u00a0', ' ')).isEqualTo("Остаток к оплате не должен быть менее 50 ₽.");
        browser.findElement(By.id("noPlanPartial")).click();
        waiting().until(shows("noPrepayment", "100 ₽"));

        // saved without a visitor: the error stands next to the field it is about, and nothing is created
        long before = manager.get("/api/orders?size=1").json().at("/total").asLong();
        browser.findElement(By.id("noVisitorPhone")).sendKeys("89125550011");
        assertThat(browser.findElement(By.id("noVisitorPhone")).getAttribute("value")).isEqualTo("+7 (912) 555-00-11");
        browser.findElement(By.id("noSave")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("noVisitorName"), "aria-invalid", "true"));
        assertThat(browser.findElement(By.id("noError")).getText()).contains("имя");
        assertThat(manager.get("/api/orders?size=1").json().at("/total").asLong()).isEqualTo(before);

        browser.findElement(By.id("noVisitorName")).sendKeys("Гость без записи");
        browser.findElement(By.id("noTicket")).sendKeys("W-17");
        browser.findElement(By.id("noVisitorEmail")).sendKeys("walkin@example.com");
        pictured("new-order", "«Новый заказ»");
        browser.findElement(By.id("noSave")).click();

        // the new order's form opens: confirmed at the desk, nothing paid yet
        waiting().until(ExpectedConditions.urlContains("/order.html?id="));
        waiting().until(shows("total", "400 ₽"));
        String orderId = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("id=") + 3);
        Api.Response placed = detail(orderId);
        assertThat(placed.text("/visitor/name")).isEqualTo("Гость без записи");
        assertThat(placed.text("/visitor/phone")).isEqualTo("+79125550011");
        assertThat(placed.text("/ticket/number")).isEqualTo("W-17");
        assertThat(placed.text("/paymentPlan")).isEqualTo("PARTIAL");
        assertThat(placed.text("/rentalPeriod/start")).isEqualTo(day + "T09:00:00+05:00");
        assertThat(placed.text("/rentalPeriod/end")).isEqualTo(day + "T13:00:00+05:00");
        assertThat(manager.get("/api/orders?size=1").json().at("/total").asLong()).isEqualTo(before + 1);

        pay("150");
        waiting().until(shows("remainder", "250 ₽"));
        // the dialog from the keyboard alone: focus moves into it, Esc closes it, Enter records the payment
        browser.findElement(By.id("recordPayment")).click();
        waiting().until(driver -> "amount".equals(driver.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waiting().until(driver -> driver.findElement(By.id("paymentDialog")).getAttribute("open") == null);
        browser.findElement(By.id("recordPayment")).click();
        waiting().until(driver -> "amount".equals(driver.switchTo().activeElement().getAttribute("id")));
        browser.switchTo().activeElement().sendKeys("250" + org.openqa.selenium.Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.id("paymentStatus"), "Оплачен"));
        assertThat(detail(orderId).json().at("/payments").size()).isEqualTo(2);
        // (read until it holds: the live form renders again as the mails about the order are recorded on it)
        waiting().until(ExpectedConditions.textToBe(By.id("visitorEmail"), "walkin@example.com"));

        // the visitor hears about it by mail: the demo's mail page shows what was sent
        String number = placed.text("/number");
        browser.get("http://localhost:" + port + "/simulator/mail");
        waiting().until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector(".mail h2")).stream().filter(h -> h.getText().contains(number)).count() == 3;
        });
        assertThat(browser.findElements(By.cssSelector(".mail h2")).stream().map(WebElement::getText).filter(t -> t.contains(number)))
                .containsExactlyInAnyOrder("Заказ № " + number + " подтверждён", "Оплата по заказу № " + number + " получена",
                        "Оплата по заказу № " + number + " получена");
        screenshot("mail-desktop");
    }

    @Test
    void aManagerPaysBackWhatACancelledOrderOwesAndCompletesAnOrderAfterItsRental() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        String cancelled = placeDeskOrder(4);
        assertThat(manager.post("/api/orders/" + cancelled + "/payments", payment("400.00", "CASH")).status()).isEqualTo(201);
        assertThat(manager.post("/api/orders/" + cancelled + "/cancellation", "{\"reason\":\"Гость заболел\"}").status()).isEqualTo(200);
        signIn("manager");
        browser.get("http://localhost:" + port + "/order.html?id=" + cancelled);
        waiting().until(shows("refundDue", "400 ₽"));
        browser.findElement(By.id("recordRefund")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("refundAmount")));
        assertThat(browser.findElement(By.id("refundAmount")).getAttribute("value")).isEqualTo("400");
        browser.findElement(By.id("refundAmount")).clear();
        browser.findElement(By.id("refundAmount")).sendKeys("150");
        browser.findElement(By.id("refundSave")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("refundError"), "Подтвердите"));
        assertThat(detail(cancelled).json().at("/refunds").size()).isZero();
        browser.findElement(By.id("confirmRefund")).click();
        pictured("refund-dialog", "«Оформить возврат»");
        browser.findElement(By.id("refundSave")).click();
        waiting().until(shows("refundDue", "250 ₽"));
        assertThat(browser.findElement(By.id("refunds")).getText().replace('\u00a0', ' ')).contains("Возврат: наличные").contains("−150 ₽");
        waiting().until(showsPart("timeline", "Проведён возврат 150,00 ₽ (наличные)"));
        // more than is owed back is refused, and says why
        browser.findElement(By.id("recordRefund")).click();
        browser.findElement(By.id("refundAmount")).clear();
        browser.findElement(By.id("refundAmount")).sendKeys("300");
        browser.findElement(By.id("confirmRefund")).click();
        browser.findElement(By.id("refundSave")).click();
        waiting().until(driver -> !driver.findElement(By.id("refundError")).getText().isBlank());
        assertThat(detail(cancelled).json().at("/refunds").size()).isEqualTo(1);
        browser.findElement(By.id("refundAmount")).clear();
        browser.findElement(By.id("refundAmount")).sendKeys("250");
        browser.findElement(By.id("refundSave")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("paymentStatus"), "Возвращен"));
        assertThat(browser.findElement(By.id("recordRefund")).isDisplayed()).isFalse();

        // an order whose rental is still ahead cannot be completed yet: the menu says why
        String ahead = placeDeskOrder(2);
        browser.get("http://localhost:" + port + "/order.html?id=" + ahead);
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "Подтвержден"));
        browser.findElement(By.id("menu")).click();
        assertThat(browser.findElement(By.id("completeOrder")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("completeOrder")).getAttribute("title")).isEqualTo("Период аренды ещё не закончился");

        // yesterday's rental, brought in after the fact (an import: only the system may place a rental of the past),
        // completed from the menu
        String done = java.util.UUID.randomUUID().toString();
        java.time.LocalDate yesterday = today().minusDays(1);
        commands.sendAndWait(com.orderdesk.shared.audit.Attribution.sentBy(
                new com.orderdesk.shared.value.Actor("import", "Перенос данных", com.orderdesk.shared.value.Role.SYSTEM,
                        com.orderdesk.shared.value.Channel.SYSTEM),
                new com.orderdesk.shared.order.command.PlaceOrder(done, "coworking-2nd-floor", "standard",
                        new com.orderdesk.shared.value.RentalPeriod(yesterday.atTime(10, 0).atZone(PERM).toInstant(),
                                yesterday.atTime(14, 0).atZone(PERM).toInstant()),
                        "302", new com.orderdesk.shared.value.Person("Светлана Орлова", com.orderdesk.shared.value.Phone.parse("+7 912 555-12-34")),
                        new com.orderdesk.shared.value.Applicant("Светлана Орлова", null, com.orderdesk.shared.value.Phone.parse("+7 912 555-12-34")),
                        com.orderdesk.shared.order.PaymentPlan.FULL, null)));
        browser.get("http://localhost:" + port + "/order.html?id=" + done);
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "Подтвержден"));
        browser.findElement(By.id("menu")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("completeOrder"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("completeText"), "После этого заказ нельзя будет изменить"));
        pictured("complete-dialog", "«Завершить заказ»");
        browser.findElement(By.id("completeSubmit")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "Выполнен"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Заказ выполнен."));
        assertThat(detail(done).text("/status")).isEqualTo("COMPLETED");

        // «Касса за день»: today's money of the service, and its total is the day's payments minus its refunds
        browser.get("http://localhost:" + port + "/");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("cashLink"))).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines tr")));
        waiting().until(driver -> driver.findElements(By.cssSelector("#lines tr")).stream()
                .anyMatch(tr -> tr.getText().contains("Возврат") && tr.getText().replace('\u00a0', ' ').contains("−250 ₽")));
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (WebElement amount : browser.findElements(By.cssSelector("#lines td.money"))) {
            String text = amount.getText().replace('\u00a0', ' ').replace(" ₽", "").replace(" ", "").replace("\u202f", "").replace(',', '.');
            sum = text.startsWith("−") ? sum.subtract(new java.math.BigDecimal(text.substring(1))) : sum.add(new java.math.BigDecimal(text));
        }
        String net = browser.findElement(By.id("net")).getText().replace('\u00a0', ' ').replace(" ₽", "").replace(" ", "").replace("\u202f", "").replace(',', '.');
        assertThat(net.startsWith("−") ? new java.math.BigDecimal(net.substring(1)).negate() : new java.math.BigDecimal(net))
                .isEqualByComparingTo(sum);
        pictured("cash", "«Касса за день»");
    }

    @Test
    void aGuestBooksPaysOnlineSeesTheRentalInTheirListAndCancelsInTime() throws Exception {
        WebDriver guestBrowser = newBrowser();
        try {
            guestBrowser.manage().window().setSize(new Dimension(1280, 1000));
            WebDriverWait guestWait = signedInGuest(guestBrowser, "guest2");
            guestWait.until(ExpectedConditions.elementToBeClickable(By.id("book"))).click();
            guestWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noVisitorPhone")));
            // the guest's own name is filled in; no ticket number on the guest's form
            assertThat(guestBrowser.findElement(By.id("noVisitorName")).getAttribute("value")).isEqualTo("Мария Лебедева");
            // and the e-mail of the guest's profile, for the mails about the booking
            assertThat(guestBrowser.findElement(By.id("noVisitorEmail")).getAttribute("value")).isEqualTo("lebedeva@example.com");
            assertThat(guestBrowser.findElement(By.id("noTicket")).isDisplayed()).isFalse();
            java.time.LocalDate day = today().plusDays(3);
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) guestBrowser;
            for (String[] choice : new String[][] {{"noDate", day.toString()}, {"noFrom", "12:00"}, {"noTo", "14:00"}}) {
                js.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                        guestBrowser.findElement(By.id(choice[0])), choice[1]);
            }
            guestBrowser.findElement(By.id("noPlanPartial")).click();
            // 2 h × 100 ₽ = 200 ₽; a quarter now, the rest later
            guestWait.until(driver -> driver.findElement(By.id("noPrepayment")).getText().replace('\u00a0', ' ').equals("50 ₽"));
            assertThat(guestBrowser.findElement(By.id("noQuote")).getText()).contains("К оплате сейчас");
            guestBrowser.findElement(By.id("noVisitorPhone")).sendKeys("9025557788");
            screenshot(guestBrowser, "booking-desktop");
            accessible(guestBrowser, "«Забронировать»");
            guestBrowser.manage().window().setSize(new Dimension(390, 844));
            screenshot(guestBrowser, "booking-phone");
            guestBrowser.manage().window().setSize(new Dimension(1280, 1000));
            guestBrowser.findElement(By.id("noVisitorPhone")).sendKeys(org.openqa.selenium.Keys.ENTER); // Enter submits

            guestWait.until(ExpectedConditions.urlContains("/simulator/checkout/"));
            guestBrowser.findElement(By.id("pay")).click();
            guestWait.until(ExpectedConditions.urlContains("/my/orders/"));
            guestWait.until(ExpectedConditions.textToBe(By.id("status"), "Подтвержден"));
            String orderId = guestBrowser.getCurrentUrl().substring(guestBrowser.getCurrentUrl().lastIndexOf('/') + 1);
            Api.Response booked = detail(orderId);
            assertThat(booked.text("/rentalPeriod/start")).isEqualTo(day + "T12:00:00+05:00");
            assertThat(booked.text("/paid/value")).isEqualTo("50.00");
            assertThat(booked.text("/guestId")).isEqualTo("guest2");
            assertThat(booked.text("/visitor/email")).isEqualTo("lebedeva@example.com");
            String bookedNumber = booked.text("/number");
            HttpTestBase.eventually("the guest's confirmation mail", () -> anonymous.get("/simulator/mail.json"),
                    r -> r.body().contains("Заказ № " + bookedNumber + " подтверждён"));

            // «Мои заказы» shows when the rental is, not when it was booked
            guestBrowser.get("http://localhost:" + port + "/my.html");
            guestWait.until(driver -> driver.findElement(By.cssSelector("tr[data-order-id='" + orderId + "']"))
                    .getText().contains("с 12:00 до 14:00"));
            accessible(guestBrowser, "«Мои заказы»");

            // cancelled in time, by the policy shown: everything paid goes back
            guestWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-order-id='" + orderId + "']"))).click();
            guestWait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
            guestWait.until(ExpectedConditions.alertIsPresent()).accept();
            guestWait.until(ExpectedConditions.textToBe(By.id("status"), "Отменен"));
            assertThat(detail(orderId).text("/status")).isEqualTo("CANCELLED");
        } finally {
            guestBrowser.quit();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Swagger UI in the demo (issue 16): «Authorize» with manager/manager, then a call answers 200 with who is signed in. */
    @Test
    void swaggerUiAuthorizesWithTheDemoIdentityAndACallSucceeds() throws Exception {
        WebDriver swagger = newBrowser();
        try {
            swagger.manage().window().setSize(new Dimension(1280, 1000));
            WebDriverWait wait = (WebDriverWait) new WebDriverWait(swagger, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            swagger.get("http://localhost:" + port + "/swagger-ui/index.html");
            // the document's server is http://localhost:{port}: this run's port
            WebElement portVariable = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".servers input[data-variable=port]")));
            portVariable.clear();
            portVariable.sendKeys(String.valueOf(port));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
            // the first scheme is HTTP Basic (the demo's identities)
            WebElement basic = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
            basic.findElement(By.cssSelector("input[name=username]")).sendKeys("manager");
            basic.findElement(By.cssSelector("input[name=password]")).sendKeys("manager");
            basic.findElement(By.cssSelector("button.authorize")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))).click();

            WebElement me = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Account-getMe .opblock-summary")));
            me.click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Account-getMe button.try-out__btn"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Account-getMe button.execute"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#operations-Account-getMe .live-responses-table tbody .response-col_status"), "200"));
            assertThat(swagger.findElement(By.cssSelector("#operations-Account-getMe .live-responses-table")).getText())
                    .contains("Ирина Соколова");
            screenshot(swagger, "swagger-ui");
        } finally {
            swagger.quit();
        }
    }

    @Test
    void aManagerOfOneServiceCannotOpenAnotherServicesOrderByUrl() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        String coworking = placeDeskOrder(2);
        String coworkingNumber = detail(coworking).text("/number");
        Api manager2 = anonymous.as("manager2");
        Api.Response placed = manager2.post("/api/orders", com.orderdesk.app.support.OrderBodies.meetingRoom(com.orderdesk.app.support.OrderBodies.meetingRoomDay(today()), 10, 12, null));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

        signIn("manager2");
        waiting().until(ExpectedConditions.textToBe(By.id("who"), "Анна Кузнецова"));
        waiting().until(driver -> driver.findElements(By.cssSelector("#rows tr")).stream()
                .anyMatch(tr -> tr.getText().contains(placed.text("/number"))));
        assertThat(browser.findElements(By.cssSelector("#rows tr")).stream().map(WebElement::getText))
                .allMatch(text -> text.contains("Переговорная на 3 этаже")).noneMatch(text -> text.contains(coworkingNumber));

        // the coworking's order, its address typed in by hand: not found, as if there were none
        browser.get("http://localhost:" + port + "/order.html?id=" + coworking);
        WebElement notFound = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notFound")));
        assertThat(notFound.getText()).contains("Заказ не найден").doesNotContain(coworkingNumber);
        assertThat(browser.findElements(By.id("recordPayment"))).isEmpty();
        pictured("order-not-found", "«Заказ не найден»");
        notFound.findElement(By.linkText("К списку заказов")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows tr")));

        // their own order: the executor chooser offers the meeting room's staff
        browser.get("http://localhost:" + port + "/order.html?id=" + placed.text("/orderId"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("changeExecutor"))).click();
        waiting().until(driver -> new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("executorId"))).getOptions().size() == 1);
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("executorId"))).getFirstSelectedOption().getText())
                .isEqualTo("Анна Кузнецова");
        browser.findElement(By.cssSelector("#executorForm button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("executor"), "Анна Кузнецова"));
    }

    /** Issue 27: the booking form shows the day's hours before the guest chooses; a full one cannot be chosen. */
    @Test
    void aGuestSeesAFullHourDisabledAndBooksAFreeOne() throws Exception {
        java.time.LocalDate day = com.orderdesk.app.support.OrderBodies.meetingRoomDay(today());
        Api.Response taken = anonymous.as("manager2").post("/api/orders",
                com.orderdesk.app.support.OrderBodies.meetingRoom(day, 10, 12, null));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        WebDriver guestBrowser = newBrowser();
        try {
            guestBrowser.manage().window().setSize(new Dimension(1280, 1000));
            WebDriverWait guestWait = signedInGuest(guestBrowser, "guest");
            guestWait.until(ExpectedConditions.elementToBeClickable(By.id("book"))).click();
            guestWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noVisitorPhone")));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) guestBrowser;
            for (String[] choice : new String[][] {{"noService", "meeting-room-3rd-floor"}, {"noDate", day.toString()}}) {
                js.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                        guestBrowser.findElement(By.id(choice[0])), choice[1]);
            }
            By ten = By.cssSelector("#noHours button[data-hour='10']");
            guestWait.until(driver -> driver.findElements(By.cssSelector("#noHours button.hour")).size() == 12
                    && !driver.findElement(ten).isEnabled());
            assertThat(guestBrowser.findElement(ten).getText()).contains("занято");
            assertThat(guestBrowser.findElement(By.cssSelector("#noHours button[data-hour='11']")).isEnabled()).isFalse();
            assertThat(guestBrowser.findElement(By.cssSelector("#noHours button[data-hour='12']")).getText()).contains("свободно 1 из 1");

            guestBrowser.findElement(By.cssSelector("#noHours button[data-hour='12']")).click();
            guestBrowser.findElement(By.cssSelector("#noHours button[data-hour='13']")).click(); // extends the period to 14:00
            guestWait.until(driver -> driver.findElement(By.id("noTotal")).getText().replace('\u00a0', ' ').equals("1 000 ₽"));
            assertThat(guestBrowser.findElement(By.id("noFrom")).getAttribute("value")).isEqualTo("12:00");
            assertThat(guestBrowser.findElement(By.id("noTo")).getAttribute("value")).isEqualTo("14:00");
            assertThat(guestBrowser.findElement(By.cssSelector("#noHours button[data-hour='13']")).getAttribute("aria-pressed")).isEqualTo("true");
            guestBrowser.findElement(By.id("noVisitorPhone")).sendKeys("9025557788");
            screenshot(guestBrowser, "booking-hours-desktop");
            accessible(guestBrowser, "«Забронировать» with the day's hours");
            guestBrowser.manage().window().setSize(new Dimension(390, 844));
            screenshot(guestBrowser, "booking-hours-phone");
            guestBrowser.manage().window().setSize(new Dimension(1280, 1000));
            guestBrowser.findElement(By.id("noSave")).click();

            guestWait.until(ExpectedConditions.urlContains("/simulator/checkout/"));
            Api.Response mine = guest.get("/api/my/orders?size=50");
            assertThat(mine.json().path("items").findValues("rentalPeriod").stream().map(p -> p.path("start").asText()))
                    .contains(day + "T12:00:00+05:00");
        } finally {
            guestBrowser.quit();
        }
    }

    /** Issue 27: the day board, an order opened from it, moved with «Перенести», and the board showing the move. */
    @Test
    void aManagerMovesAnOrderFromTheDayBoardAndSeesTheBoardChange() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        java.time.LocalDate day = com.orderdesk.app.support.OrderBodies.meetingRoomDay(today());
        Api manager2 = anonymous.as("manager2");
        Api.Response placed = manager2.post("/api/orders", com.orderdesk.app.support.OrderBodies.meetingRoom(day, 10, 12, null));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String number = placed.text("/number");
        assertThat(manager2.post("/api/orders", com.orderdesk.app.support.OrderBodies.meetingRoom(day, 16, 17, null)).status()).isEqualTo(201);

        signIn("manager2");
        browser.get("http://localhost:" + port + "/board.html?date=" + day);
        By tenOClock = By.cssSelector("td.slot[data-hour='10']");
        waiting().until(driver -> driver.findElement(tenOClock).getText().contains(number));
        assertThat(browser.findElement(tenOClock).getText()).contains("1 / 1");
        assertThat(browser.findElement(By.cssSelector("td.slot[data-hour='15']")).getText()).contains("0 / 1").doesNotContain(number);
        pictured("board", "«Загрузка»");

        browser.findElement(tenOClock).findElement(By.partialLinkText(number)).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("move"))).click();
        waiting().until(driver -> driver.findElements(By.cssSelector("#mvHours button.hour")).size() == 12);
        assertThat(browser.findElement(By.cssSelector("#mvHours button[data-hour='10']")).isEnabled()).as("its own hour").isTrue();
        assertThat(browser.findElement(By.cssSelector("#mvHours button[data-hour='16']")).isEnabled()).as("another's").isFalse();
        browser.findElement(By.cssSelector("#mvHours button[data-hour='15']")).click();
        browser.findElement(By.id("mvReason")).sendKeys("Гость попросил позже");
        waiting().until(driver -> driver.findElement(By.id("mvTotal")).getText().replace('\u00a0', ' ').equals("500 ₽"));
        accessible(browser, "«Перенести»");
        screenshot("move-desktop");
        browser.findElement(By.id("mvSave")).click();
        waiting().until(driver -> driver.findElement(By.id("period")).getText().contains("с 15:00 до 16:00"));
        waiting().until(driver -> driver.findElement(By.id("timeline")).getText().contains("Заказ перенесён"));

        browser.get("http://localhost:" + port + "/board.html?date=" + day);
        waiting().until(driver -> driver.findElement(By.cssSelector("td.slot[data-hour='15']")).getText().contains(number));
        assertThat(browser.findElement(tenOClock).getText()).contains("0 / 1").doesNotContain(number);

        // live: a guest's booking elsewhere shows on the open board without reloading it
        assertThat(guest.post("/api/my/orders", com.orderdesk.app.support.OrderBodies.meetingRoom(day, 18, 19, null)).status()).isEqualTo(201);
        waiting().until(driver -> driver.findElement(By.cssSelector("td.slot[data-hour='18']")).getText().contains("1 / 1"));
    }

    @Test
    void anAuditorReadsAnOrdersHistorySeesItAsItStoodAndSeesTampering() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        String order = placeDeskOrder(4);
        manager.put("/api/orders/" + order + "/executor", "{\"executorId\":\"service\",\"executorName\":\"Пётр Иванов\"}");
        manager.post("/api/orders/" + order + "/payments", payment("150.00", "CASH"));
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"Чек отдан\"}");

        signIn("auditor");
        browser.get("http://localhost:" + port + "/order.html?id=" + order);
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("auditLink")));
        assertThat(browser.findElement(By.id("recordPayment")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("send")).isDisplayed()).isFalse();
        browser.findElement(By.id("auditLink")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("seal"), "Цепочка хешей цела: 4 из 4"));
        assertThat(browser.findElements(By.cssSelector("#events tr"))).hasSize(4);
        String history = browser.findElement(By.id("events")).getText();
        assertThat(history).contains("Заказ создан").contains("Назначен исполнитель").contains("Оплата у менеджера")
                .contains("Ирина Соколова").contains("Рабочее место").contains("«Чек отдан»");
        // the order as it stood right after it was placed: unpaid, no executor
        browser.findElement(By.cssSelector("#events tr[data-seq='0']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("asOf"), "не назначен"));
        assertThat(browser.findElement(By.id("asOf")).getText()).contains("Версия\n0");
        browser.findElement(By.cssSelector("#events tr[data-seq='2']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("asOf"), "Пётр Иванов"));
        assertThat(browser.findElement(By.id("asOf")).getText()).contains("150");
        assertThat(browser.findElement(By.id("raw")).getText()).contains("\"hash\"").contains("\"actorId\": \"manager\"");
        screenshot("audit-desktop");
        accessible(browser, "the audit page");

        // someone edits the stored payment in the database: the page says where the chain breaks
        byte[] stored = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 2",
                byte[].class, order);
        String changed = new String(stored, java.nio.charset.StandardCharsets.UTF_8).replace("150.00", "15.000");
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2",
                changed.getBytes(java.nio.charset.StandardCharsets.UTF_8), order);
        try {
            browser.navigate().refresh();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("seal"), "Нарушение на событии № 2"));
            assertThat(browser.findElement(By.id("sealDetail")).getText()).contains("Оплата у менеджера").contains("содержимое не совпадает с хешем");
            // the changed amount is no longer a valid sum: the order "as of" then says so instead of failing silently
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("asOf"), "Событие № 2 не читается"));
            screenshot("audit-tampered");
            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot("audit-phone");
        } finally {
            // the store is shared with the other tests (replays): put the original back
            jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2", stored, order);
        }
    }

    @Test
    void aGuestPaysOnlineAndTheManagersOpenFormSeesItWithoutReload() throws Exception {
        Api.Response placed = guest.post("/api/my/orders", orderBody(3, 2, "FULL"));
        String order = placed.text("/orderId");
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"INTERNAL\",\"text\":\"секрет для своих\"}");
        manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}");

        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("manager");
        browser.get("http://localhost:" + port + "/order.html?id=" + order);
        waiting().until(ExpectedConditions.textToBe(By.id("status"), "Ожидает оплаты"));

        WebDriver guestBrowser = newBrowser();
        try {
            guestBrowser.manage().window().setSize(new Dimension(1280, 900));
            WebDriverWait guestWait = signedInGuest(guestBrowser, "guest");
            guestWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-order-id='" + order + "']"))).click();
            guestWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Ждём вас"));
            // the cancellation policy is on the page before the guest pays (and the button while it allows)
            guestWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy"), "Отменить бронирование можно до"));
            assertThat(guestBrowser.findElement(By.id("policy")).getText()).contains("вернём всё оплаченное").contains("менеджер");
            assertThat(guestBrowser.findElement(By.id("cancel")).isDisplayed()).isTrue();
            assertThat(guestBrowser.getPageSource()).doesNotContain("секрет для своих");

            guestBrowser.findElement(By.id("message")).sendKeys("Буду вовремя");
            guestBrowser.findElement(By.id("send")).click();
            guestWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Буду вовремя"));

            guestBrowser.findElement(By.id("pay")).click();
            guestWait.until(ExpectedConditions.urlContains("/simulator/checkout/"));
            screenshot(guestBrowser, "gateway-page");
            accessible(guestBrowser, "the gateway simulator's checkout");
            guestBrowser.findElement(By.id("pay")).click();
            guestWait.until(ExpectedConditions.urlContains("/my/orders/" + order));
            guestWait.until(ExpectedConditions.textToBe(By.id("paymentStatus"), "Подтвержден"));
            screenshot(guestBrowser, "guest-order-desktop");
            accessible(guestBrowser, "the guest's order");
            guestBrowser.manage().window().setSize(new Dimension(390, 844));
            screenshot(guestBrowser, "guest-order-phone");
        } finally {
            guestBrowser.quit();
        }

        // the manager's form was never reloaded
        waiting().until(ExpectedConditions.textToBe(By.id("paymentStatus"), "Оплачен"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("payments"), "Банковская карта"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Поступила оплата через платёжный шлюз."));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Буду вовремя");

        // «Чеки»: the payment's receipt, registered by the register, with its position, VAT and fiscal document
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipts"), "зарегистрирован"));
        String receipts = browser.findElement(By.id("receipts")).getText();
        assertThat(receipts).contains("Чек прихода").contains("Предоплата 100%").contains("НДС 22%").contains("ФД №")
                .contains("Коворкинг на 2 этаже, тариф «Стандарт»");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('receiptsCard').scrollIntoView()");
        pictured("receipts", "the order's receipts");
    }

    /** The first link to {@code path} in a mail's text, as the mail gives it (absolute, token URL-encoded). */
    private static String linkIn(com.fasterxml.jackson.databind.JsonNode mail, String path) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:\\d+" + java.util.regex.Pattern.quote(path) + "\\?token=\\S+")
                .matcher(mail.path("text").asText());
        assertThat(link.find()).as(mail.path("text").asText()).isTrue();
        return link.group();
    }

    /**
     * Issue 26: the buttons behind the mails' links work in a real browser, which posts the form as a person's click does
     * (to the form's action, the page's own query string not carried twice). A guest books for an address that is not
     * theirs; the one mail there asks to confirm it; the browser opens the link (nothing happens on opening) and clicks
     * «Подтвердить адрес»; the order's next mail goes there, and its «Отписаться» link, clicked the same way, stops the mail.
     */
    @Test
    void theConfirmAndUnsubscribeButtonsOfTheMailsLinksWorkInTheBrowser() throws Exception {
        String address = "browser." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response placed = guest.post("/api/my/orders", orderBody(6, 2, "FULL", address));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        com.fasterxml.jackson.databind.JsonNode ask = com.orderdesk.app.support.Await.until("the mail that asks",
                () -> mailsTo(address), all -> !all.isEmpty()).get(0);

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(linkIn(ask, "/api/notifications/confirm"));
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Подтвердить адрес?"));
        assertThat(manager.get("/api/orders/" + order).json().path("visitorEmailUnconfirmed").asBoolean()).as("opening the link confirms nothing")
                .isTrue();
        accessible(browser, "the confirmation page");
        browser.findElement(By.cssSelector("form button")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Адрес подтверждён"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(address);
        assertThat(manager.get("/api/orders/" + order).json().path("visitorEmailUnconfirmed").asBoolean()).isFalse();

        // the order's next mail now goes there (a public message from staff), with its «Отписаться» link
        assertThat(manager.post("/api/orders/" + order + "/messages", "{\"visibility\":\"PUBLIC\",\"text\":\"Ждём вас\"}").status())
                .isEqualTo(201);
        com.fasterxml.jackson.databind.JsonNode held = com.orderdesk.app.support.Await.until("the next mail to the confirmed address",
                () -> mailsTo(address), all -> all.size() >= 2).get(1);
        browser.get(linkIn(held, "/api/notifications/unsubscribe"));
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Отписаться от писем?"));
        screenshot("unsubscribe-desktop");
        browser.findElement(By.cssSelector("form button")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Готово"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("больше не придут");
        assertThat(auditor.get("/api/audit/orders/" + order + "/events").json().findValuesAsText("type")).contains("GuestMailStopped");
    }

    /**
     * Issue 26: a refund made in the gateway's dashboard can leave less than the 50 ₽ minimum owed; the order form says so
     * where the remainder stands, so the manager takes it whole.
     */
    @Test
    void theOrderFormWarnsWhenWhatIsOwedIsBelowTheMinimum() throws Exception {
        Api.Response placed = guest.post("/api/my/orders", orderBody(6, 4, "FULL", "troshkov@example.com"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String order = placed.text("/orderId");
        String payment = payOnline(order);
        assertThat(anonymous.post("/simulator/control/payments/" + payment + "/refund?amount=30.00", null).status()).isEqualTo(200);
        eventually("the dashboard refund", () -> detail(order), r -> r.json().at("/refunds").size() == 1);

        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn("manager");
        browser.get("http://localhost:" + port + "/order.html?id=" + order);
        waiting().until(shows("remainder", "30 ₽"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("belowMinimum")));
        assertThat(browser.findElement(By.id("belowMinimum")).getText().replace('\u00a0', ' '))
                .isEqualTo("Остаток 30 ₽ меньше минимума 50 ₽: примите его только целиком.");
        accessible(browser, "the order form with a remainder below the minimum");
    }
}
