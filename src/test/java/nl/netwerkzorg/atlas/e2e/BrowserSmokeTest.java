package nl.netwerkzorg.atlas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import nl.netwerkzorg.atlas.security.UserService.DemoUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.openqa.selenium.JavascriptExecutor;
import java.util.Map;

/**
 * End-to-end in a real headless Chromium (Debian's chromium + chromium-driver; no browser download): every
 * demo role logs in through the login form and sees the Overzicht for province Utrecht with non-zero numbers; a network
 * manager sees the Dekking map drawn (polygons, legend) and opens a municipality.
 * Skipped with a message where Chromium is not installed; CI installs it.
 */
@AtlasSpringTest
class BrowserSmokeTest {

    private static final Path CHROMEDRIVER = Path.of(System.getProperty("atlas.chromedriver", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("atlas.chromium", "/usr/bin/chromium"));
    private static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Browser test skipped: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void everyDemoRoleLogsInAndSeesUtrechtWithNonZeroNumbers(DemoUser user) throws Exception {
        // Opening the root while logged out must lead through the login page to the Overzicht.
        login(user, "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.id("card-clients")).isEmpty());
        wait.until(d -> d.findElement(By.tagName("h2")).getText().contains("Utrecht"));
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Overzicht · Utrecht");
        for (String card : List.of("municipalities", "inhabitants", "providers", "networks", "clients")) {
            String value = driver.findElement(By.cssSelector("#card-" + card + " .atlas-card-value")).getText();
            assertThat(Long.parseLong(value.replace(".", ""))).as(card + " for " + user.username).isPositive();
        }
        assertThat(driver.findElement(By.id("atlas-user")).getText()).contains(user.displayName);
        screenshot("overzicht-" + user.username);
        driver.findElement(By.id("atlas-logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    @org.junit.jupiter.api.Test
    void anAdminUploadsARegionFileWithABadCodeAndSeesTheLineRejected() throws Exception {
        login(DemoUser.ADMIN, "/login");
        driver.get("http://localhost:" + port + "/beheer/gebieden");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-upload")).isEmpty());
        Path csv = Files.createTempFile("regio", ".csv");
        Files.writeString(csv, "region_kind;region_code;region_name;municipality_code\n"
                + "VEILIGHEIDSREGIO;VR09;Veiligheidsregio Utrecht;GM0344\n"
                + "VEILIGHEIDSREGIO;VR09;Veiligheidsregio Utrecht;GM9999\n");
        WebElement upload = driver.findElements(By.cssSelector("vaadin-upload")).getFirst();
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(csv.toAbsolutePath().toString());
        wait.until(d -> d.findElement(By.id("region-import-result")).getText().contains("GM9999"));
        assertThat(driver.findElement(By.id("region-import-result")).getText())
                .contains("Import geweigerd, er is niets gewijzigd:").contains("regel 3: onbekende gemeentecode GM9999");
        screenshot("beheer-gebieden-fout");
        driver.get("http://localhost:" + port + "/over");
        wait.until(d -> d.findElement(By.tagName("h2")).getText().contains("Over de Netwerkzorg Atlas"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("CBS/Kadaster via PDOK, CC-BY 4.0");
        screenshot("over");
        driver.findElement(By.id("atlas-logout")).click();
    }

    @org.junit.jupiter.api.Test
    void aNetworkManagerSeesTheCoverageMapOfUtrechtDrawnWithALegend() throws Exception {
        login(DemoUser.NETWORK_MANAGER, "/login");
        driver.get("http://localhost:" + port + "/dekking?regio=PV26&zorgpad=PAD_DEMENTIE&maat=served");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        WebElement map = wait.until(d -> first(d, "atlas-map[features='26']"));
        wait.until(d -> map.getShadowRoot().findElements(By.cssSelector("path.leaflet-interactive")).size() >= 26);
        List<WebElement> polygons = map.getShadowRoot().findElements(By.cssSelector("path.leaflet-interactive"));
        assertThat(polygons).hasSizeGreaterThanOrEqualTo(26);
        assertThat(polygons).anySatisfy(p -> assertThat(p.getAttribute("fill")).isNotEqualTo("#d0d4da"));
        WebElement legend = map.getShadowRoot().findElement(By.cssSelector("[data-legend]"));
        assertThat(legend.getText()).contains("Alle verplichte soorten");
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Dekking · Utrecht");
        screenshot("dekking-kaart-netwerkmanager");
        // Clicking a municipality opens its details beside the map.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", polygons.get(polygons.size() / 2));
        wait.until(d -> d.findElement(By.id("coverage-detail")).getText().contains("Zorgaanbieders per soort"));
        screenshot("dekking-gemeente");
        driver.get("http://localhost:" + port + "/dekking?regio=PV26&zorgpad=PAD_DEMENTIE&tab=matrix");
        wait.until(d -> !d.findElements(By.cssSelector("#coverage-matrix .atlas-cell")).isEmpty());
        screenshot("dekking-matrix");
        driver.findElement(By.id("atlas-logout")).click();
    }

    @org.junit.jupiter.api.Test
    void aPolicyAnalystAnalysesUtrechtAndSeesBrokersAndTheProviderGraph() throws Exception {
        login(DemoUser.POLICY_ANALYST, "/login");
        driver.get("http://localhost:" + port + "/analyse?regio=PV26&banden=gedeeld,samenwerking&min=5&veel=10");
        // Computed in the background (or derived first): the poll brings the result.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        WebElement providers = wait.until(d -> first(d, "#analysis-card-providers .atlas-card-value"));
        assertThat(Integer.parseInt(providers.getText().replace(".", ""))).isGreaterThan(1000);
        assertThat(Integer.parseInt(first(driver, "#analysis-card-ties .atlas-card-value").getText().replace(".", "")))
                .isPositive();
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Analyse · Utrecht");
        wait.until(d -> !d.findElements(By.cssSelector("#analysis-brokers vaadin-grid-cell-content")).isEmpty());
        screenshot("analyse-utrecht");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "for (const t of document.querySelectorAll('vaadin-tab')) if (t.textContent.trim() === 'Netwerkbeeld') t.click();");
        WebElement graph = wait.until(d -> first(d, "atlas-graph#analysis-graph"));
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const g = arguments[0]; return !!g.shadowRoot && g.shadowRoot.querySelectorAll('canvas').length > 0;", graph)));
        Thread.sleep(3000); // let the layout settle for the screenshot
        screenshot("analyse-netwerkbeeld");

        // The degree distribution as a chart.
        clickTab("Gradenverdeling");
        WebElement degrees = wait.until(d -> first(d, "atlas-chart#analysis-degree-chart[rendered]"));
        wait.until(d -> canvasDrawn(degrees));
        screenshot("analyse-gradenverdeling");

        // The map coloured by a figure per municipality: Utrecht's 26 municipalities with a legend.
        clickTab("Kaart");
        WebElement map = wait.until(d -> first(d, "atlas-map#analysis-map"));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].shadowRoot ? arguments[0].shadowRoot.querySelectorAll('path.leaflet-interactive').length : 0;",
                map)).intValue() == 26);
        assertThat((String) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].shadowRoot.querySelector('.legend').textContent;", map)).contains("geïsoleerde");
        Thread.sleep(1000);
        screenshot("analyse-kaart");

        // A snapshot, and its point on the trend chart.
        clickTab("Verloop");
        wait.until(d -> first(d, "#analysis-snapshot-save")).click();
        wait.until(d -> first(d, "#analysis-trend-note") != null
                && first(d, "#analysis-trend-note").getText().matches("(Eén|\\d+) momentopnamen? met deze instellingen.*"));
        WebElement trend = wait.until(d -> first(d, "atlas-chart#analysis-trend-chart[rendered]"));
        wait.until(d -> canvasDrawn(trend));
        screenshot("analyse-verloop");

        // The one-page region report, printed to PDF by the browser: exactly one A4 page.
        String report = first(driver, "#analysis-report-link").getAttribute("href");
        driver.get(report);
        wait.until(d -> first(d, "#report-figures") != null);
        WebElement reportChart = wait.until(d -> first(d, "atlas-chart#report-degree-chart[rendered]"));
        wait.until(d -> canvasDrawn(reportChart));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Connectiviteit van de zorg · Utrecht");
        assertThat(driver.findElement(By.id("report-meaning")).getText()).contains("hoort bij het grootste samenhangende deel");
        screenshot("analyse-rapport");
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) driver).print(new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        Files.write(Path.of("target", "screenshots", "analyse-rapport.pdf"), bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count())
                .as("the region report fits one page").isEqualTo(1);
        driver.get("http://localhost:" + port + "/analyse");
        wait.until(d -> first(d, "#atlas-logout")).click();
    }

    private static void clickTab(String label) {
        ((JavascriptExecutor) driver).executeScript(
                "for (const t of document.querySelectorAll('vaadin-tab')) if (t.textContent.trim() === arguments[0]) t.click();",
                label);
    }

    /** Whether the chart's canvas has any coloured pixel (ECharts drew something). */
    private static boolean canvasDrawn(WebElement chart) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                const c = arguments[0].shadowRoot.querySelector('canvas');
                if (!c || c.width === 0) return false;
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 2] < 200)) return true;
                return false;""", chart));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.neo4j.core.Neo4jClient neo4j;

    @org.junit.jupiter.api.Test
    void anAnalystSearchesAProviderExpandsItTwiceAndSeesHowItConnectsToANetwork() throws Exception {
        Map<String, Object> pick = neo4j.query("""
                        MATCH (p:Provider {type: 'HUISARTS'})-[:COLLABORATES_WITH]-(q:Provider)-[:MEMBER_OF]->(n:Network)
                        WHERE NOT (p)-[:MEMBER_OF]->(n)
                        RETURN p.id AS id, p.name AS name, p.agb AS agb, n.id AS network, n.name AS networkName
                        ORDER BY p.id, n.id LIMIT 1""")
                .fetch().one().orElseThrow();
        login(DemoUser.POLICY_ANALYST, "/login");
        driver.get("http://localhost:" + port + "/netwerk");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        searchAndPick(wait, (String) pick.get("agb"), (String) pick.get("name"));
        wait.until(d -> first(d, "atlas-graph[nodes='1']"));
        wait.until(d -> d.findElement(By.id("network-details")).getText().contains("Samenwerkingen ("));
        js.executeScript("arguments[0].click()", driver.findElement(By.id("expand-COLLABORATIONS")));
        wait.until(d -> Integer.parseInt(d.findElement(By.id("network-graph")).getAttribute("nodes")) > 1);
        int afterCollaborations = Integer.parseInt(driver.findElement(By.id("network-graph")).getAttribute("nodes"));
        wait.until(d -> first(d, "#expand-SERVICE_AREA"));
        js.executeScript("arguments[0].click()", driver.findElement(By.id("expand-SERVICE_AREA")));
        wait.until(d -> Integer.parseInt(d.findElement(By.id("network-graph")).getAttribute("nodes")) > afterCollaborations);
        int beforeNetwork = Integer.parseInt(driver.findElement(By.id("network-graph")).getAttribute("nodes"));
        searchAndPick(wait, (String) pick.get("networkName"), (String) pick.get("networkName"));
        wait.until(d -> Integer.parseInt(d.findElement(By.id("network-graph")).getAttribute("nodes")) == beforeNetwork + 1);
        wait.until(d -> d.findElement(By.id("network-details")).getText().contains("Leden ("));
        String provider = "P:" + pick.get("id");
        String network = "N:" + pick.get("network");
        js.executeScript("arguments[0].selectIds(arguments[1])", driver.findElement(By.id("network-graph")),
                "[\"" + provider + "\", \"" + network + "\"]");
        wait.until(d -> d.findElement(By.id("network-path")).getDomAttribute("disabled") == null);
        js.executeScript("arguments[0].click()", driver.findElement(By.id("network-path")));
        wait.until(d -> d.findElement(By.id("network-message")).getText().matches("(?s)(Kortste|Geen|Kies).*"));
        assertThat(driver.findElement(By.id("network-message")).getText()).startsWith("Kortste verbinding: 2 stappen");
        WebElement graph = driver.findElement(By.id("network-graph"));
        wait.until(d -> graph.getAttribute("layout-done") != null);
        assertThat(Integer.parseInt(graph.getAttribute("edges"))).isGreaterThan(2);
        assertThat(graph.getShadowRoot().findElement(By.cssSelector(".legend")).getText()).contains("Soort").contains("Huisarts");
        assertThat(driver.getCurrentUrl()).contains("n=").contains(pick.get("id").toString());
        Thread.sleep(1500); // let the highlighted layout settle for the screenshot
        screenshot("netwerk-pad");
        driver.findElement(By.id("atlas-logout")).click();
    }

    @org.springframework.beans.factory.annotation.Autowired
    nl.netwerkzorg.atlas.partner.PartnerSearchService partners;
    @org.springframework.beans.factory.annotation.Autowired
    nl.netwerkzorg.atlas.security.UserService users;

    @org.junit.jupiter.api.Test
    void aCareProfessionalFindsPartnersForADemoClientAndRecordsAReferral() throws Exception {
        var me = users.loadUserByUsername(DemoUser.CARE_STAFF.username);
        String client = neo4j.query("""
                        MATCH (:Provider {id: $own})-[:CARES_FOR|COORDINATES]->(c:Client)-[:HAS_CONDITION]->()
                        WHERE NOT $own IN coalesce(c.objections, []) RETURN c.id ORDER BY c.id LIMIT 1""")
                .bind(me.providerId()).to("own").fetchAs(String.class).one().orElseThrow();
        // A type whose best partner may receive a referral (not already caring for the client, no objection).
        String type = null;
        nl.netwerkzorg.atlas.partner.PartnerSearch.Partner best = null;
        for (String candidate : List.of("DIETIST", "ERGOTHERAPIE", "LOGOPEDIE", "FYSIOTHERAPIE", "MAATSCHAPPELIJK_WERK")) {
            var found = partners.search(nl.netwerkzorg.atlas.partner.PartnerSearch.Query.of(
                    new nl.netwerkzorg.atlas.partner.PartnerSearch.Origin.OfClient(client), java.util.Set.of(candidate), 10),
                    me, java.util.Locale.of("nl")).partners();
            if (!found.isEmpty() && found.getFirst().referralBlocked() == null) {
                type = candidate;
                best = found.getFirst();
                break;
            }
        }
        assertThat(best).as("a partner that may receive a referral").isNotNull();
        String typeName = partners.typeName(type, java.util.Locale.of("nl"));

        login(DemoUser.CARE_STAFF, "/partners");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        WebElement clientInput = wait.until(d -> first(d, "#partner-client input"));
        clientInput.sendKeys(client);
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().startsWith(client + " · ")).findFirst().orElse(null)).click();
        WebElement typesInput = first(driver, "#partner-types input");
        typesInput.sendKeys(typeName.substring(0, 5));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(i -> i.getText().equals(typeName)).findFirst().orElse(null)).click();
        typesInput.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        driver.findElement(By.id("partner-search")).click();
        wait.until(d -> d.findElement(By.id("partner-summary")).getText().contains("zorgaanbieders binnen 10 km van cliënt " + client));
        String bestName = best.name();
        wait.until(d -> d.findElement(By.id("partner-detail")).getText().contains("1. " + bestName));
        assertThat(driver.findElement(By.id("partner-reasons")).getText()).contains("km van de woning van de cliënt")
                .contains("bijgewerkt");
        assertThat(driver.getCurrentUrl()).contains("client=" + client).contains("soort=" + type);
        WebElement map = driver.findElement(By.id("partner-map"));
        wait.until(d -> map.getShadowRoot().findElements(By.cssSelector(".pin")).size() > 0);
        screenshot("partners-zoeken");
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", driver.findElement(By.id("partner-refer")));
        wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains("Verwijzing naar " + bestName + " vastgelegd")));
        screenshot("partners-verwijzing");
        try {
            assertThat(neo4j.query("MATCH (r:Referral {clientId: $c, toId: $to, username: 'zorgverlener'}) RETURN count(r)")
                    .bind(client).to("c").bind(best.id()).to("to").fetchAs(Long.class).one()).contains(1L);
        } finally {
            neo4j.query("MATCH (r:Referral {clientId: $c}) DETACH DELETE r").bind(client).to("c").run();
            neo4j.query("""
                            MATCH (:Provider {id: $from})-[k:COLLABORATES_WITH {kind: 'REFERRAL'}]->(:Provider {id: $to})
                            WHERE k.since = date() DELETE k""")
                    .bind(me.providerId()).to("from").bind(best.id()).to("to").run();
        }
        driver.findElement(By.id("atlas-logout")).click();
    }

    @org.junit.jupiter.api.Test
    void aCareProfessionalOpensAClientFromTheListAndSeesTheEcogram() throws Exception {
        login(DemoUser.CARE_STAFF, "/clienten");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        WebElement link = wait.until(d -> first(d, "#clients-grid a"));
        String client = link.getText();
        assertThat(driver.findElement(By.id("clients-count")).getText()).matches("[0-9.]+ cliënten");
        screenshot("clienten-lijst");
        link.click();
        wait.until(d -> d.getCurrentUrl().endsWith("/clienten/" + client));
        WebElement ecogram = wait.until(d -> first(d, "#client-ecogram"));
        wait.until(d -> !ecogram.getShadowRoot().findElements(By.cssSelector("canvas")).isEmpty());
        assertThat(driver.findElement(By.tagName("h2")).getText()).isEqualTo("Cliënt " + client);
        assertThat(driver.findElement(By.id("client-flags")).getText()).isNotBlank();
        screenshot("client-pagina");
        assertThat(neo4j.query("""
                        MATCH (e:AccessLogEntry {clientId: $c, username: 'zorgverlener', action: 'VIEW_DETAIL'}) RETURN count(e)""")
                .bind(client).to("c").fetchAs(Long.class).one().orElseThrow()).isPositive();
        driver.findElement(By.id("atlas-logout")).click();
    }

    private void searchAndPick(WebDriverWait wait, String text, String label) {
        WebElement input = wait.until(d -> first(d, "#network-search input"));
        input.clear();
        input.sendKeys(text);
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.getText().startsWith(label + " — ")).findFirst().orElse(null));
        item.click();
    }

    /** Opens {@code startPath} logged out, expects the login page, and logs in. */
    private void login(DemoUser user, String startPath) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + startPath);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        WebElement username = wait.until(d -> first(d, "vaadin-login-form input[name='username']"));
        WebElement password = first(driver, "vaadin-login-form input[name='password']");
        username.sendKeys(user.username);
        password.sendKeys(user.password);
        password.sendKeys("\n");
        wait.until(d -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.id("atlas-user")).isEmpty());
    }

    private static void screenshot(String name) throws java.io.IOException {
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement first(WebDriver d, String css) {
        List<WebElement> found = d.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst();
    }
}
