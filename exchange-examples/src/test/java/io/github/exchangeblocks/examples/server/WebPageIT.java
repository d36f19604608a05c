package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web page in a real browser: Debian's headless chromium driven through chromedriver with Selenium, against the
 * real server on a free loopback port. Two users in two windows cross orders and see the fill everywhere; a bad
 * password, a refused order and a restart of the server from its journal show clear messages. Under
 * {@code CI=true} a missing browser fails the test; elsewhere the test is skipped with a message saying what to
 * install. Screenshots go to {@code target/web-page-*.png}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long CLOCK_BASE_NS = java.time.Instant.parse("2026-12-07T10:00:00Z").getEpochSecond()
            * 1_000_000_000L;
    private static final long CLOCK_ORIGIN_NS = System.nanoTime();

    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();
    private ChromeDriver browser;

    @BeforeAll
    static void browserInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver; .ci/run installs them)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("under CI=true the browser test " + missing).isTrue();
        } else {
            assumeTrue(installed, "browser test skipped: it " + missing);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldShowTheFillToBothUsersWhenTheyCrossOrdersInTwoWindows() throws Exception {
        ExchangeServer server = start(0);
        String url = "http://127.0.0.1:" + server.address().getPort() + "/?instrument=SHFE.cu2512";
        browser = startBrowser();
        browser.get(url);
        String alice = browser.getWindowHandle();
        checkMergeRulesInTheBrowser();
        checkFormattingInTheBrowser();

        logIn("alice", "wrong");
        waitFor("the bad password message", d -> text("login-error").equals("Wrong user name or password."));
        logIn("alice", "alice123");
        waitFor("alice logged in", d -> text("user-label").equals("alice")
                && text("account-balance").equals("1,000,000.00"));
        assertThat(browser.findElement(By.id("login-panel")).isDisplayed()).isFalse();
        assertThat(text("account-risk-ratio")).isEqualTo("0.00%");

        browser.switchTo().newWindow(WindowType.WINDOW);
        String bob = browser.getWindowHandle();
        browser.get(url);
        logIn("bob", "bob123");
        waitFor("bob logged in", d -> text("user-label").equals("bob") && text("account-balance").equals("1,000,000.00"));

        browser.switchTo().window(alice);
        placeOrder("BUY", "OPEN", "LIMIT", "70000", 2, "GFD");
        waitFor("alice's order working and on the ladder", d -> orderRow("ALIVE") != null
                && ladder("bid", 1).equals("2|70,000|"));
        assertThat(text("account-frozen-margin")).isEqualTo("70,000.00");

        browser.switchTo().window(bob);
        waitFor("bob sees alice's bid", d -> ladder("bid", 1).equals("2|70,000|"));
        new Select(browser.findElement(By.id("instrument"))).selectByValue("CFFEX.IF2512");
        waitFor("the index future picked", d -> ladder("bid", 1).equals("|–|")
                && browser.findElement(By.id("order-price")).getDomProperty("placeholder").equals("tick 0.2"));
        new Select(browser.findElement(By.id("instrument"))).selectByValue("SHFE.cu2512");
        waitFor("copper picked again", d -> ladder("bid", 1).equals("2|70,000|"));
        placeOrder("SELL", "OPEN", "LIMIT", "70000", 1, "GFD");
        waitFor("bob's order filled", d -> orderRow("FINISHED") != null && rows("trades").size() == 1
                && position().equals("SHFE.cu2512|0|–|1|70,000|70,000|0.00|35,000.00"));
        assertThat(rows("trades").get(0)).contains("SELL", "OPEN", "70,000", "3.00");
        assertThat(text("account-margin")).isEqualTo("35,000.00");
        assertThat(text("account-balance")).isEqualTo("999,997.00");
        assertAccountAsServerHasIt(server, "bob");
        waitFor("bob's ladder, tape and chart", d -> ladder("bid", 1).equals("1|70,000|")
                && text("quote-last").equals("70,000") && text("quote-volume").equals("1")
                && rows("tape").size() == 1 && rows("tape").get(0).endsWith("70,000|1") && chartShows(1));

        browser.switchTo().window(alice);
        waitFor("alice's order partly filled", d -> orderRow("ALIVE") != null
                && orderRow("ALIVE").contains("|2|1|ALIVE|") && rows("trades").size() == 1
                && position().equals("SHFE.cu2512|1|70,000|0|–|70,000|0.00|35,000.00"));
        assertThat(rows("trades").get(0)).contains("BUY", "OPEN", "70,000", "3.00");
        assertThat(text("account-margin")).isEqualTo("35,000.00");
        assertThat(text("account-frozen-margin")).isEqualTo("35,000.00");
        assertThat(text("account-balance")).isEqualTo("999,997.00");
        assertAccountAsServerHasIt(server, "alice");
        waitFor("alice's ladder, tape and chart", d -> ladder("bid", 1).equals("1|70,000|")
                && rows("tape").size() == 1 && chartShows(1));
        browser.findElement(By.cssSelector("#durations button[data-duration=\"300000000000\"]")).click();
        waitFor("the 5 minute candles", d -> "5m".equals(browser.findElement(By.cssSelector("#durations .active"))
                .getText()) && chartShows(1));

        browser.switchTo().window(bob);
        placeOrder("SELL", "OPEN", "ANY", "", 1, "IOC");
        waitFor("bob's market order filled", d -> rows("trades").size() == 2 && rows("tape").size() == 2
                && position().equals("SHFE.cu2512|0|–|2|70,000|70,000|0.00|70,000.00"));
        assertThat(rows("orders").get(0)).contains("|SELL|OPEN|MARKET IOC|–|1|0|FINISHED|");
        assertThat(text("account-balance")).isEqualTo("999,994.00");
        assertAccountAsServerHasIt(server, "bob");

        browser.switchTo().window(alice);
        waitFor("alice's order filled by the market order", d -> orderRow("ALIVE") == null
                && rows("trades").size() == 2 && rows("tape").size() == 2 && text("quote-volume").equals("2")
                && position().equals("SHFE.cu2512|2|70,000|0|–|70,000|0.00|70,000.00")
                && ladder("bid", 1).equals("|–|") && chartShows(2));
        assertThat(text("account-margin")).isEqualTo("70,000.00");
        assertThat(text("account-frozen-margin")).isEqualTo("0.00");
        assertAccountAsServerHasIt(server, "alice");

        placeOrder("BUY", "OPEN", "LIMIT", "69990", 1, "GTC");
        waitFor("alice's second order working", d -> orderRow("ALIVE") != null
                && ladder("bid", 1).equals("1|69,990|") && text("account-frozen-margin").equals("34,995.00"));
        browser.findElement(By.cssSelector("#orders button[data-cancel]")).click();
        waitFor("alice's second order cancelled", d -> orderRow("ALIVE") == null && ladder("bid", 1).equals("|–|"));
        assertThat(text("account-frozen-margin")).isEqualTo("0.00");

        placeOrder("BUY", "OPEN", "LIMIT", "70005", 1, "GFD");
        waitFor("the tick reject", d -> text("order-error").equals("insert_order: limit_price=70005 must be a"
                + " multiple of price_tick=10 of SHFE.cu2512"));
        placeOrder("BUY", "OPEN", "LIMIT", "70000", 101, "GFD");
        waitFor("the volume reject", d -> !text("order-error").isEmpty()
                && !text("order-error").startsWith("insert_order: limit_price"));
        String volumeReject = text("order-error");
        assertThat(text("messages")).contains(volumeReject);
        assertThat(rows("orders")).hasSize(3).first().asString().endsWith("FINISHED|" + volumeReject + "|");
        assertNoBrokenNumbers();
        screenshot("web-page-alice.png");
        browser.switchTo().window(bob);
        waitFor("bob sees the empty book", d -> ladder("bid", 1).equals("|–|") && chartShows(2));
        assertNoBrokenNumbers();
        screenshot("web-page-bob.png");
        System.out.println("WebPageIT: the volume reject read \"" + volumeReject + "\"");
    }

    @Test
    void shouldReconnectAndResyncWhenTheServerRestartsFromItsJournal() throws Exception {
        ExchangeServer first = start(0);
        int port = first.address().getPort();
        browser = startBrowser();
        browser.get("http://127.0.0.1:" + port + "/?instrument=SHFE.cu2512");
        logIn("alice", "alice123");
        waitFor("alice logged in", d -> text("user-label").equals("alice"));
        placeOrder("BUY", "OPEN", "LIMIT", "70000", 2, "GTC");
        waitFor("the order working", d -> orderRow("ALIVE") != null && ladder("bid", 1).equals("2|70,000|"));
        String working = orderRow("ALIVE");

        first.close();
        open.remove(first);
        waitFor("the lost connection message", d -> "lost".equals(attribute("connection", "data-state"))
                && text("banner").startsWith("Connection lost") && text("banner").contains("Reconnecting in"));

        ExchangeServer second = start(port);
        waitFor("reconnected and resynced", d -> "open".equals(attribute("connection", "data-state"))
                && text("messages").contains("Reconnected; all data reloaded from the server.")
                && working.equals(orderRow("ALIVE")) && ladder("bid", 1).equals("2|70,000|")
                && text("account-frozen-margin").equals("70,000.00"));
        assertThat(text("user-label")).isEqualTo("alice");

        try (DiffTestClient bob = DiffTestClient.connect(second.address().getPort())) {
            ExchangeServerIT.loggedIn(bob, "bob", "bob123");
            bob.send("{\"aid\":\"insert_order\",\"user_id\":\"bob\",\"order_id\":\"b1\",\"exchange_id\":\"SHFE\","
                    + "\"instrument_id\":\"cu2512\",\"direction\":\"SELL\",\"offset\":\"OPEN\",\"volume\":1,"
                    + "\"price_type\":\"LIMIT\",\"limit_price\":70000}");
            waitFor("the fill after the restart", d -> rows("trades").size() == 1
                    && position().startsWith("SHFE.cu2512|1|70,000|") && ladder("bid", 1).equals("1|70,000|"));
        }
        assertNoBrokenNumbers();
        screenshot("web-page-after-restart.png");
    }

    // ---- the server and the browser ----------------------------------------------------------------------------

    private ExchangeServer start(int port) throws InterruptedException {
        ServerConfig config = new ServerConfig("127.0.0.1", port, dir.resolve("data"), DurabilityMode.GROUP,
                64 * 1024, 4 << 20, 1, 10_000);
        ExchangeServer server = ExchangeServer.builder(config).clock(WebPageIT::slowClockNs).start();
        open.add(server);
        return server;
    }

    /**
     * Command time for the test's servers: 10:00:00 UTC on the demo exchange's first trading day plus a thousandth
     * of the time elapsed, so that every trade of a test falls in the same one-minute bar whenever the test runs
     * (with the wall clock, two trades a second apart straddled a minute now and then and the chart showed two bars
     * of one lot each).
     */
    private static long slowClockNs() {
        return CLOCK_BASE_NS + (System.nanoTime() - CLOCK_ORIGIN_NS) / 1_000;
    }

    private ChromeDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1400,1500");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The page's own DIFF client module, loaded in the browser, applies patches with TqSdk's rules. */
    private void checkMergeRulesInTheBrowser() {
        Object merged = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/diff-client.js').then((m) => {"
                + "  const copy = {quotes: {a: {last_price: 1, volume: 2}}, list: [1, 2, 3], gone: {x: 1}, s: 'v'};"
                + "  m.applyPatch(copy, {quotes: {a: {last_price: '-'}, b: {volume: 0}}, list: [4], gone: null,"
                + "    s: {now: 'object'}, n: {deep: {nested: null, kept: true}}});"
                + "  done(JSON.stringify(copy));"
                + "}).catch((e) => done('error: ' + e));");
        assertThat(merged).isEqualTo("{\"quotes\":{\"a\":{\"last_price\":\"-\",\"volume\":2},\"b\":{\"volume\":0}},"
                + "\"list\":[4],\"s\":{\"now\":\"object\"},\"n\":{\"deep\":{\"kept\":true}}}");
    }

    /** The page's number formatting: the instrument's decimals, and an en dash for whatever is not a number. */
    private void checkFormattingInTheBrowser() {
        Object formatted = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/format.js').then((f) => done([f.price(70000, 0), f.price(4012.4, 1), f.price(0.5, 3),"
                + "  f.price('-', 1), f.price(undefined, 0), f.price(NaN, 2), f.price(null, 2), f.price('abc', 0),"
                + "  f.money(999997), f.money('-'), f.integer(12345), f.integer(undefined), f.percent(0.035),"
                + "  f.percent(Infinity), f.timeOfNs(0), f.timeOfNs(1764900000123000000), f.text(''), f.text(7)]"
                + "  .join(' | '))).catch((e) => done('error: ' + e));");
        assertThat(formatted).isEqualTo("70,000 | 4,012.4 | 0.500 | – | – | – | – | – | 999,997.00 | – | 12,345 | –"
                + " | 3.50% | – | – | 10:00:00 | – | –");
    }

    // ---- page actions ------------------------------------------------------------------------------------------

    private void logIn(String user, String password) {
        waitFor("the login form", d -> d.findElement(By.id("login-button")).isEnabled());
        WebElement name = browser.findElement(By.id("login-user"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("login-password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    /** Fills the order form and submits it; {@code priceType} is DIFF's LIMIT or ANY (market, price not typed). */
    private void placeOrder(String direction, String offset, String priceType, String price, int volume,
                            String time) {
        waitFor("the order form", d -> d.findElement(By.id("order-submit")).isEnabled()
                && !text("quote-oi").equals("–"));
        browser.findElement(By.cssSelector("input[name=direction][value=" + direction + "]")).click();
        new Select(browser.findElement(By.id("order-offset"))).selectByValue(offset);
        new Select(browser.findElement(By.id("order-price-type"))).selectByValue(priceType);
        if ("LIMIT".equals(priceType)) {
            WebElement priceInput = browser.findElement(By.id("order-price"));
            priceInput.clear();
            priceInput.sendKeys(price);
        }
        WebElement volumeInput = browser.findElement(By.id("order-volume"));
        volumeInput.clear();
        volumeInput.sendKeys(Integer.toString(volume));
        new Select(browser.findElement(By.id("order-time"))).selectByValue(time);
        browser.findElement(By.id("order-submit")).click();
    }

    // ---- reading the page --------------------------------------------------------------------------------------

    private void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).withMessage(() -> what + "; page shows: "
                + browser.findElement(By.tagName("body")).getText()).until(condition);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private String attribute(String id, String name) {
        return browser.findElement(By.id(id)).getDomAttribute(name);
    }

    /** The rows of a table's body, each as its cells' texts joined with {@code |}; read in one go in the page. */
    private List<String> rows(String tableId) {
        return cellTexts("#" + tableId + " tbody tr");
    }

    /** The one order row with this status, from its price column on; null if none. */
    private String orderRow(String status) {
        List<String> found = cellTexts("#orders tbody tr[data-status=" + status + "]");
        if (found.size() != 1) {
            return null;
        }
        List<String> cells = List.of(found.get(0).split("\\|", -1));
        return String.join("|", cells.subList(6, cells.size()));
    }

    /** A ladder row as "bid volume|price|ask volume". */
    private String ladder(String side, int level) {
        List<String> found = cellTexts("#ladder tr[data-side=" + side + "][data-level=\"" + level + "\"]");
        return found.size() == 1 ? found.get(0) : "";
    }

    @SuppressWarnings("unchecked")
    private List<String> cellTexts(String rowSelector) {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map((row) => [...row.cells].map((cell) => cell.innerText.trim()).join('|'));", rowSelector);
    }

    private String position() {
        List<String> positions = rows("positions");
        return positions.size() == 1 ? positions.get(0) : "";
    }

    /** The chart has bars and its legend's last bar closed at the trades' price with this volume. */
    private boolean chartShows(int volume) {
        String bars = attribute("chart", "data-bars");
        return bars != null && Integer.parseInt(bars) >= 1 && text("chart-legend").endsWith("C 70,000 · V " + volume)
                && browser.findElements(By.cssSelector("#chart canvas")).size() > 0;
    }

    /** The account panel shows what the server holds for the user, formatted with two decimals. */
    private void assertAccountAsServerHasIt(ExchangeServer server, String user) {
        JsonObject snapshot = server.gateway().entitledSnapshots(user).get(0);
        JsonObject account = snapshot.getObject("trade").getObject(user).getObject("accounts").getObject("CNY");
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        assertThat(text("account-balance")).isEqualTo(money.format(decimal(account.get("balance"))));
        assertThat(text("account-available")).isEqualTo(money.format(decimal(account.get("available"))));
        assertThat(text("account-margin")).isEqualTo(money.format(decimal(account.get("margin"))));
        assertThat(text("account-commission")).isEqualTo(money.format(decimal(account.get("commission"))));
        BigDecimal risk = decimal(account.get("risk_ratio")).movePointRight(2);
        assertThat(text("account-risk-ratio")).isEqualTo(risk.setScale(2, java.math.RoundingMode.HALF_EVEN) + "%");
    }

    private static BigDecimal decimal(JsonValue value) {
        return new BigDecimal(value.toString());
    }

    private void assertNoBrokenNumbers() {
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown).doesNotContain("NaN").doesNotContain("undefined").doesNotContain("null")
                .doesNotContain("Infinity");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
