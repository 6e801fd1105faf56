package io.dropflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropflow.DropflowApplication;
import io.dropflow.support.DropflowDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An operator's morning, in a real browser: Dropflow runs on its embedded defaults (demo profile,
 * H2, sandbox partners, demo users), a DEMO-RARE order runs out of stock everywhere, and Mary
 * logs in to Tasklist with headless Chromium, opens the task from her group's filter, fills the
 * Camunda Form and completes it. Screenshots of each step land in target/browser-test/.
 *
 * <p>Needs Debian's chromium and chromium-driver, which .ci/run installs; a test never installs
 * system packages, so without them this test fails and says what to install.
 */
class BrowserTasklistIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser-test");
    private static ConfigurableApplicationContext app;
    private static WebDriver browser;
    private static int port;

    @BeforeAll
    static void startDropflowAndChromium() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        app = new SpringApplicationBuilder(DropflowApplication.class).run(
                "--server.port=0",
                // Its own name: engines register in a JVM-wide registry that the other test contexts' REST API uses.
                "--camunda.bpm.process-engine-name=browser",
                "--spring.datasource.url=jdbc:h2:file:./target/browser-test/dropflow-" + System.nanoTime(),
                "--dropflow.sandbox.answer-delay=PT0.2S",
                "--dropflow.sandbox.carrier-step-delay=PT0.3S",
                "--logging.level.root=WARN");
        port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("chromedriver")).toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    private static String executable(String name) {
        String found = find(name);
        if (found == null) {
            throw new IllegalStateException(name + " not found: install Debian's chromium and chromium-driver packages "
                    + "(sudo apt-get install chromium chromium-driver), as .ci/run does");
        }
        return found;
    }

    private static String find(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anOperatorSubstitutesAnOutOfStockProductInTasklist() throws Exception {
        try {
            workTheOutOfStockTask();
        } catch (Exception | AssertionError e) {
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void workTheOutOfStockTask() throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order("SHOP-BROWSER-1", "DEMO-RARE", 1, "59.00"));
        String processInstance = dropflow.processInstanceId(placed.orderId());
        await().atMost(Duration.ofSeconds(60)).until(() -> outOfStockTask(engine, processInstance) != null);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        loginAsMaryIfNeeded(wait);

        // The group filter lists the task; open it
        WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ol[contains(@class,'tasks-list')]//*[contains(normalize-space(.),'Decide on out-of-stock order')]")));
        screenshot("2-task-list");
        task.click();

        // Claim it: Tasklist only lets the assignee work on a form
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='Claim'] | //a[normalize-space(.)='Claim']"))).click();
        screenshot("3-claimed");

        // The Camunda Form shows the order's lines in a table (a Json variable), amounts with their decimals
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table//td[contains(normalize-space(.),'DEMO-RARE')]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table//td[normalize-space(.)='59.00 EUR']")));

        // Pick "substitute" and name the products
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'Substitute another product')]/input[@type='radio']"))));
        type(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'SKU to replace')]/following::input[1]"))), "DEMO-RARE");
        type(browser.findElement(By.xpath("//label[contains(normalize-space(.),'Substitute SKU')]/following::input[1]")),
                "DEMO-MUG");
        screenshot("4-form-filled");
        click(browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")));

        // The process moved on: the task is done and a purchase order went to the mug's supplier
        await().atMost(Duration.ofSeconds(30)).until(() -> outOfStockTask(engine, processInstance) == null);
        screenshot("5-completed");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                dropflow.getOrder(placed.orderId()).path("purchaseOrders").findValuesAsText("supplierCode")).contains("ACME"));
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstance)
                .taskDefinitionKey("user_handle_out_of_stock").finished().singleResult().getAssignee()).isEqualTo("mary");
    }

    /**
     * A defect claim worked in Tasklist on the demo's defaults: Mary accepts the claim on its form;
     * the demo's ACME rejects the first round; Mary counters with a partial compensation on the
     * negotiation form; ACME accepts and the consumer is refunded 5.00 once.
     */
    @Test
    void anOperatorWorksADefectClaimInTasklist() throws Exception {
        try {
            workADefectClaim();
        } catch (Exception | AssertionError e) {
            screenshot("claim-failure");
            Files.writeString(SCREENSHOTS.resolve("claim-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void workADefectClaim() throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        long order = dropflow.place(DropflowDriver.order("SHOP-BROWSER-CLAIM", "DEMO-MUG", 1, "15.00")).orderId();
        await().atMost(Duration.ofSeconds(60)).until(() -> dropflow.getOrder(order).path("shipments").findValuesAsText("status")
                .contains("DELIVERED"));
        var filed = dropflow.fileClaim(order, DropflowDriver.claim("DAMAGED", 1, "REFUND"));
        assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
        long claim = DropflowDriver.read(filed.getBody()).path("id").asLong();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        openTaskAsMary(wait, "Review defect claim");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(normalize-space(.),'The mug arrived in pieces.')]")));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'Accept: send the claim to the supplier')]/input[@type='radio']"))));
        screenshot("claim-1-review");
        click(browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")));

        // The demo's ACME rejects the first round: the negotiation task appears
        await().atMost(Duration.ofSeconds(30)).until(() -> "NEGOTIATING".equals(dropflow.getClaim(claim).path("status").asText()));
        openTaskAsMary(wait, "Negotiate claim with supplier");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space(.)='The supplier answered: Rejected']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'Counter: send the supplier another proposal')]")));
        assertThat(browser.findElements(By.xpath("//label[contains(normalize-space(.),'Accept the supplier')]")))
                .as("no offer to accept: the option is hidden").isEmpty();
        assertThat(browser.findElements(By.xpath("//label[contains(normalize-space(.),'marketplace platform')]")))
                .as("not a marketplace order: the option is hidden").isEmpty();
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'Counter: send the supplier another proposal')]/input[@type='radio']"))));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'Partial compensation')]/input[@type='radio']"))));
        type(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[contains(normalize-space(.),'Compensation amount')]/following::input[1]"))), "5");
        screenshot("claim-2-counter");
        click(browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")));

        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(dropflow.getClaim(claim).path("status").asText()));
        screenshot("claim-3-done");
        var resolved = dropflow.getClaim(claim);
        assertThat(resolved.path("outcome").path("remedy").asText()).isEqualTo("COMPENSATION");
        assertThat(resolved.path("outcome").path("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(resolved.path("history").toString()).contains("mary accepted the claim", "mary countered");
    }

    /** Logs in as Mary if needed, opens the task with this name from her group's filter and claims it. */
    private void openTaskAsMary(WebDriverWait wait, String taskName) throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.getTaskService().createTaskQuery().taskName(taskName)
                .taskUnassigned().count() > 0);
        loginAsMaryIfNeeded(wait);
        WebElement task = new WebDriverWait(browser, Duration.ofSeconds(45)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ol[contains(@class,'tasks-list')]//*[contains(normalize-space(.),'" + taskName + "')]")));
        click(task);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='Claim'] | //a[normalize-space(.)='Claim']"))).click();
    }

    /** Opens Tasklist; logs in as Mary unless an earlier test already did in this browser. */
    private void loginAsMaryIfNeeded(WebDriverWait wait) throws Exception {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/browser/");
        wait.until(d -> !d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()
                || !d.findElements(By.cssSelector("ol.tasks-list")).isEmpty());
        if (!browser.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()) {
            browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("mary");
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("mary");
            screenshot("1-login");
            browser.findElement(By.cssSelector("button[type='submit']")).click();
        }
    }

    /** Tasklist scrolls the form in its own pane: bring the element to the middle before using it. */
    private static void click(WebElement element) {
        try {
            scrollTo(element).click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // A notification ("task claimed") may lie over the form for a moment: click it as the browser would.
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
        }
    }

    private static void type(WebElement element, String text) {
        scrollTo(element).sendKeys(text);
    }

    private static WebElement scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    private static Task outOfStockTask(ProcessEngine engine, String processInstance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstance)
                .taskDefinitionKey("user_handle_out_of_stock").singleResult();
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
