package com.orderdesk.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=ru-RU", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aManagerSignsInAndFindsTheSeedsOrderInTheList() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get("http://localhost:" + port + "/");
        waiting().until(ExpectedConditions.urlContains("/login"));
        waiting().until(driver -> !driver.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        screenshot("login-desktop");
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

        browser.findElement(By.id("q")).sendKeys("1006313");
        waiting().until(driver -> driver.findElements(By.cssSelector("#rows tr")).size() == 1);
        String row = browser.findElement(By.cssSelector("#rows tr")).getText();
        assertThat(row).contains("1006313").contains("Алексей Трошков").contains("Оплачен");

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
}
