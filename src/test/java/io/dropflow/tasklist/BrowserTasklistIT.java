package io.dropflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropflow.DropflowApplication;
import io.dropflow.support.DropflowDriver;
import io.dropflow.support.EngineStarts;
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
 * Camunda Form and completes it, once with an English browser and once with a Chinese one (the
 * webapps follow the browser's language, Dropflow's texts its Accept-Language: see
 * docs/operator-language.md). Screenshots of each step land in target/browser-test/.
 *
 * <p>Needs Debian's chromium and chromium-driver, which .ci/run installs; a test never installs
 * system packages, so without them this test fails and says what to install.
 *
 * <p>Its application is a second one in the test JVM, beside the shared one of the
 * {@code @DropflowTest} classes: it starts and stops while no other does ({@link EngineStarts}).
 */
class BrowserTasklistIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser-test");
    private static ConfigurableApplicationContext app;
    /** The browser the current test drives: an English one by default, a Chinese one for the Chinese test. */
    private static WebDriver browser;
    private static WebDriver english;
    private static int port;

    /** What an operator sees in Tasklist and on the out-of-stock form, in one language. */
    record Operator(String language, String filter, String claim, String complete, String taskName, String heading,
            String substitute, String skuToReplace, String substituteSku) {
    }

    static final Operator ENGLISH = new Operator("en-US", "My group's tasks", "Claim", "Complete",
            "Decide on out-of-stock order", "No supplier can fill this order", "Substitute another product", "SKU to replace", "Substitute SKU");
    static final Operator CHINESE = new Operator("zh-CN", "我所在组的任务", "认领", "完成",
            "处理缺货订单", "没有供应商能履行此订单", "换成其他商品", "要替换的 SKU", "替代 SKU");

    @BeforeAll
    static void startDropflowAndChromium() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        app = EngineStarts.oneAtATime(() -> new SpringApplicationBuilder(DropflowApplication.class, LateLanguageFile.class).run(
                "--server.port=0",
                // Its own name: engines register in a JVM-wide registry that the other test contexts' REST API uses.
                "--camunda.bpm.process-engine-name=browser",
                "--spring.datasource.url=jdbc:h2:file:./target/browser-test/dropflow-" + System.nanoTime(),
                "--dropflow.sandbox.answer-delay=PT0.2S",
                "--dropflow.sandbox.carrier-step-delay=PT0.3S",
                "--logging.level.root=WARN"));
        port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();

        english = chromium(ENGLISH.language());
        browser = english;
    }

    /**
     * A headless Chromium whose user interface and Accept-Language are this language (e.g. zh-CN),
     * with a chromedriver of its own: quitting a browser stops its driver.
     */
    private static WebDriver chromium(String language) {
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("chromedriver")).toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + language.substring(0, 2)));
        return new ChromeDriver(driverService, options);
    }

    private static String executable(String name) {
        String found = find(name);
        if (found == null) {
            throw new IllegalStateException(name + " not found: this test needs Debian's chromium and chromium-driver "
                    + "packages, which .ci/run installs (a test never installs system packages)");
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
        if (english != null) {
            english.quit();
        }
        if (app != null) {
            EngineStarts.oneAtATime(() -> {
                app.close();
                return null;
            });
        }
    }

    @Test
    void anOperatorSubstitutesAnOutOfStockProductInTasklist() throws Exception {
        browser = english;
        try {
            workTheOutOfStockTask(ENGLISH, "SHOP-BROWSER-1", "");
        } catch (Exception | AssertionError e) {
            screenshot("failure");
            Files.writeString(SCREENSHOTS.resolve("failure.html"), browser.getPageSource());
            throw e;
        }
    }

    /**
     * The same task for a Chinese-speaking operator: Tasklist's own texts, the filter, the task's
     * name and the form come in Simplified Chinese; what the operator enters and what the process
     * does with it are the same as in English.
     */
    @Test
    void aChineseSpeakingOperatorWorksTheSameTaskInChinese() throws Exception {
        browser = chromium(CHINESE.language());
        try {
            workTheOutOfStockTask(CHINESE, "SHOP-BROWSER-ZH", "zh-");
        } catch (Exception | AssertionError e) {
            screenshot("zh-failure");
            Files.writeString(SCREENSHOTS.resolve("zh-failure.html"), browser.getPageSource());
            throw e;
        } finally {
            // The English browser first: a failing quit must not leave the next test a browser that is gone.
            WebDriver chinese = browser;
            browser = english;
            chinese.quit();
        }
    }

    /**
     * Operators want the most urgent task on top, which a filter cannot give them (operations.md, "Tasklist's sort
     * order"): the link operations.md gives opens Tasklist sorted by due date, then creation, and the sort control
     * still changes it (its direction, here), the sorting kept when the operator picks another filter.
     */
    @Test
    void theDocumentedLinkOpensTasklistMostUrgentFirstAndTheSortControlStillChangesIt() throws Exception {
        browser = english;
        try {
            // Tasklist draws the list again as it settles (its language files, the relative-time script): an element
            // read a moment ago may be gone, so the waits read it again (a CI rehearsal's StaleElementReferenceException)
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            loginAsMaryIfNeeded(wait);
            String link = Files.readAllLines(Path.of("docs/operations.md")).stream()
                    .filter(l -> l.startsWith("/camunda/app/tasklist/default/#/?sorting=")).findFirst().orElseThrow();
            // this test's engine is named "browser", Dropflow's "default"
            browser.get("http://localhost:" + port + link.replace("/tasklist/default/", "/tasklist/browser/"));
            By sortedBy = By.cssSelector("ol.sorting-choice li.sorting-choice span.sort-by");
            wait.until(d -> d.findElements(sortedBy).stream().map(WebElement::getText).toList()
                    .equals(List.of("Due date", "Created")));
            screenshot("sorting-1-most-urgent-first");

            click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//*[normalize-space(text())=\"SLA breaches\"]"))));
            wait.until(d -> java.net.URLDecoder.decode(d.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\""));
            wait.until(d -> d.findElements(sortedBy).stream().findFirst() // the sorting kept in another filter
                    .map(e -> e.getText().equals("Due date")).orElse(false));

            click(wait.until(d -> d.findElements(By.cssSelector("ol.sorting-choice li.sorting-choice a.sort-direction"))
                    .stream().findFirst().orElse(null)));
            wait.until(d -> java.net.URLDecoder.decode(d.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"sortBy\":\"dueDate\",\"sortOrder\":\"desc\""));
            screenshot("sorting-2-changed-by-the-control");
        } catch (Exception | AssertionError e) {
            screenshot("sorting-failure");
            Files.writeString(SCREENSHOTS.resolve("sorting-failure.html"), browser.getPageSource());
            throw e;
        }
    }

    private void workTheOutOfStockTask(Operator operator, String shopOrder, String shots) throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        DropflowDriver dropflow = new DropflowDriver(port, engine);
        DropflowDriver.Placed placed = dropflow.place(DropflowDriver.order(shopOrder, "DEMO-RARE", 1, "59.00"));
        String processInstance = dropflow.processInstanceId(placed.orderId());
        await().atMost(Duration.ofSeconds(60)).until(() -> outOfStockTask(engine, processInstance) != null);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        loginAsMaryIfNeeded(wait);

        // The group filter, in the operator's language, lists the task under its translated name; open it
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[normalize-space(text())=\"" + operator.filter() + "\"]")));
        WebElement task = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ol[contains(@class,'tasks-list')]//*[contains(normalize-space(.),'" + operator.taskName() + "')]")));
        screenshot(shots + "2-task-list");
        if (operator == CHINESE) {
            relativeTimesReadInChineseWhenTheEnglishFileComesLast(wait);
            task = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//ol[contains(@class,'tasks-list')]//*[contains(normalize-space(.),'" + operator.taskName() + "')]")));
        }
        task.click();

        // Claim it (Tasklist's own button, in the webapp's translation): only the assignee works on a form
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='" + operator.claim()
                + "'] | //a[normalize-space(.)='" + operator.claim() + "']"))).click();
        screenshot(shots + "3-claimed");

        // The Camunda Form, its text and labels in the operator's language: pick "substitute" and name the products
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//h3[contains(normalize-space(.),'" + operator.heading() + "')]")));
        // The form shows the order's lines in a table (a Json variable), amounts with their currency's decimals
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table//td[contains(normalize-space(.),'DEMO-RARE')]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table//td[normalize-space(.)='59.00 EUR']")));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//label[contains(normalize-space(.),'" + operator.substitute() + "')]/input[@type='radio']"))));
        type(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//label[contains(normalize-space(.),'" + operator.skuToReplace() + "')]/following::input[1]"))), "DEMO-RARE");
        type(browser.findElement(By.xpath(
                "//label[contains(normalize-space(.),'" + operator.substituteSku() + "')]/following::input[1]")), "DEMO-MUG");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                .as("the 'migrate to Camunda 8' banner is hidden").isTrue();
        screenshot(shots + "4-form-filled");
        click(browser.findElement(By.xpath("//button[normalize-space(.)='" + operator.complete() + "']")));

        // The process moved on: the task is done and a purchase order went to the mug's supplier
        await().atMost(Duration.ofSeconds(30)).until(() -> outOfStockTask(engine, processInstance) == null);
        screenshot(shots + "5-completed");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                dropflow.getOrder(placed.orderId()).path("purchaseOrders").findValuesAsText("supplierCode")).contains("ACME"));
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstance)
                .taskDefinitionKey("user_handle_out_of_stock").finished().singleResult().getAssignee()).isEqualTo("mary");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstance)
                .variableName("substituteSku").singleResult().getValue()).isEqualTo("DEMO-MUG");
    }

    /**
     * Exploratory s16 tour, L3: on a fresh browser the Chinese task list's relative times sometimes read English
     * ("到期 in 2 minutes, 创建 a few seconds ago"). Tasklist loads its fallback language file (en.json) beside zh.json, and
     * the one that arrives last sets moment.js's language. Tasklist starts again in Mary's session, with nothing kept
     * (its language files are kept in localStorage after the first load) and en.json held back two seconds: once it has
     * come, every relative time still reads in Chinese.
     */
    private void relativeTimesReadInChineseWhenTheEnglishFileComesLast(WebDriverWait wait) throws Exception {
        LateLanguageFile.delay = Duration.ofSeconds(2);
        try {
            // A fresh start: the language files from the server, not from the browser's cache or Tasklist's storage
            ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCache", Map.of());
            ((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
            browser.navigate().refresh();
            By relativeTimes = By.cssSelector("ol.tasks-list [am-time-ago]");
            wait.until(d -> !d.findElements(relativeTimes).isEmpty());
            Thread.sleep(LateLanguageFile.delay.toMillis() + 1000); // en.json has come
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(
                    () -> assertThat(browser.findElements(relativeTimes).stream().map(WebElement::getText).toList())
                            .as("relative times in the Chinese task list").isNotEmpty()
                            .allSatisfy(time -> assertThat(time).isNotBlank().doesNotContainPattern("[A-Za-z]")));
            screenshot("zh-2-relative-times");
        } catch (Exception | AssertionError e) {
            screenshot("zh-relative-times-failure");
            throw e;
        } finally {
            LateLanguageFile.delay = Duration.ZERO;
        }
    }

    /** Holds back Tasklist's fallback language file (en.json) while {@link #delay} is set: a slow network's order. */
    static class LateLanguageFile {

        static volatile Duration delay = Duration.ZERO;

        @org.springframework.context.annotation.Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> lateLanguageFile() {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>(
                    (request, response, chain) -> {
                        if (!delay.isZero()) {
                            try {
                                Thread.sleep(delay.toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        chain.doFilter(request, response);
                    });
            registration.addUrlPatterns("/camunda/app/tasklist/locales/en.json");
            return registration;
        }
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
