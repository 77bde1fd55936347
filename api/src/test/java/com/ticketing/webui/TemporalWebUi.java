package com.ticketing.webui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Temporal Web UI (2.54) as a person sees it in a browser: the page of one workflow (its id,
 * status, search attributes and event history) and the workflow list filtered by a visibility
 * query. Every read waits for the page's content with a deadline (explicit waits that poll; no
 * fixed sleeps) and returns rendered text. {@link #screenshot} saves the page as a PNG.
 *
 * <p>What the UI renders, and what this class reads:
 *
 * <ul>
 *   <li>{@code /namespaces/NS/workflows/ID} redirects to {@code .../ID/RUN_ID/timeline}: the heading
 *       {@code [data-testid=workflow-id-heading]} (the workflow id) and the status badge
 *       {@code [data-testid=execution-status]} (shown upper-case: RUNNING, COMPLETED, FAILED,
 *       CANCELED, TERMINATED, TIMED OUT, CONTINUED AS NEW).
 *   <li>The tab {@code a[data-testid=search-attributes-tab]} ({@code .../RUN_ID/search-attributes})
 *       shows the custom search attributes as JSON in {@code .cm-content[aria-label="Search Attributes"]}.
 *   <li>The tab {@code a[data-testid=history-tab]} ({@code .../RUN_ID/history}, badge = event count)
 *       shows rows {@code tr[data-testid=event-summary-row]}: event id, time, the type in words
 *       ("Timer Started", "Timer Fired"), details; newest first.
 *   <li>{@code /namespaces/NS/workflows?query=URL_ENCODED_QUERY}: rows
 *       {@code tr[data-testid=workflows-summary-configurable-table-row]} whose cells line up with the
 *       headers {@code th[data-testid=workflows-summary-table-header-cell-NAME]} (Status, Workflow
 *       ID, Run ID, Type, Start, End), the count {@code [data-testid=workflow-count]}, and "No
 *       Workflows Found" when none match. The list reads visibility, which lags behind the workflow:
 *       {@link #awaitList} reloads it until the rows are what a test expects.
 * </ul>
 */
public final class TemporalWebUi implements AutoCloseable {

  /** How long one page may take to show its content (a cold browser's first page takes a few seconds). */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RELOAD_PAUSE = Duration.ofMillis(500);
  private static final int MAX_SCREENSHOT_HEIGHT = 12_000;
  private static final String NO_WORKFLOWS = "No Workflows Found";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebDriver driver;
  private final String baseUrl;
  private final String namespace;
  private final Duration deadline;
  private final boolean ownsDriver;

  /** The UI at {@code baseUrl} (e.g. {@code http://127.0.0.1:8233}), namespace default, in its own headless Chromium. */
  public static TemporalWebUi open(String baseUrl) {
    return new TemporalWebUi(HeadlessChromium.start(), baseUrl, "default", DEFAULT_DEADLINE, true);
  }

  /** The UI in a browser the caller owns (not quit by {@link #close()}). */
  public TemporalWebUi(WebDriver driver, String baseUrl) {
    this(driver, baseUrl, "default", DEFAULT_DEADLINE, false);
  }

  public TemporalWebUi(WebDriver driver, String baseUrl, String namespace, Duration deadline, boolean ownsDriver) {
    this.driver = driver;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.namespace = namespace;
    this.deadline = deadline;
    this.ownsDriver = ownsDriver;
  }

  public WebDriver driver() {
    return driver;
  }

  // ---------------------------------------------------------------- URLs

  /** {@code BASE/namespaces/NS/workflows/ID}; the UI redirects it to the latest run's timeline. */
  public String workflowUrl(String workflowId) {
    return baseUrl + "/namespaces/" + encode(namespace) + "/workflows/" + encodePath(workflowId);
  }

  /** {@code BASE/namespaces/NS/workflows?query=...}, the query URL-encoded (quotes, =, spaces). */
  public String listUrl(String query) {
    return baseUrl + "/namespaces/" + encode(namespace) + "/workflows?query=" + encode(query);
  }

  // ---------------------------------------------------------------- the workflow page

  /** Opens the workflow's page and waits until its heading and status show. */
  public WorkflowView openWorkflow(String workflowId) {
    long started = System.nanoTime();
    driver.get(workflowUrl(workflowId));
    String status =
        waitFor(
            "the page of workflow " + workflowId + " (heading and status)",
            d -> {
              String heading = text(By.cssSelector("[data-testid=workflow-id-heading]")).orElse("");
              Optional<String> badge = text(By.cssSelector("[data-testid=execution-status]"));
              return heading.equals(workflowId) && badge.isPresent() && !badge.get().isBlank() ? badge.get() : null;
            });
    Duration rendered = Duration.ofNanos(System.nanoTime() - started);
    String url = driver.getCurrentUrl();
    String visible = visibleText();
    return new WorkflowView(
        workflowId,
        status,
        runIdFrom(url, workflowId),
        valueAfter(visible, "Workflow Type"),
        valueAfter(visible, "Task Queue"),
        url,
        visible,
        rendered);
  }

  /** The search attributes on the workflow's Search Attributes tab, as shown (numbers as their digits). */
  public Map<String, String> searchAttributes(String workflowId) {
    openTab(workflowId, "search-attributes-tab");
    String json =
        waitFor(
            "the Search Attributes of " + workflowId,
            d -> {
              String shown = text(By.cssSelector(".cm-content[aria-label='Search Attributes']")).orElse("").trim();
              return shown.startsWith("{") && shown.endsWith("}") ? shown : null;
            });
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode node = JSON.readTree(json);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      attributes.put(field.getKey(), value.isValueNode() ? value.asString() : value.toString());
    }
    return attributes;
  }

  /** Re-opens the Search Attributes tab until they satisfy {@code until}, within the deadline. */
  public Map<String, String> awaitSearchAttributes(
      String workflowId, Predicate<Map<String, String>> until, String description) {
    return reloadUntil(description, () -> searchAttributes(workflowId), until);
  }

  /** The event history as the Event History tab lists it, oldest first. */
  public List<HistoryEvent> history(String workflowId) {
    openTab(workflowId, "history-tab");
    return waitFor(
        "the Event History of " + workflowId,
        d -> {
          List<HistoryEvent> events = new ArrayList<>();
          for (Object row : script(
              "return Array.from(document.querySelectorAll('tr[data-testid=event-summary-row]'))"
                  + ".map(r => Array.from(r.children).map(c => c.innerText.replace(/\\s+/g, ' ').trim()));",
              List.class)) {
            List<?> cells = (List<?>) row;
            if (cells.size() < 4 || !String.valueOf(cells.get(0)).matches("\\d+")) {
              return null; // still rendering
            }
            // Cells: id, (a copy-the-time cell), time, type, details: the type and details are the last two.
            events.add(
                new HistoryEvent(
                    Long.parseLong(String.valueOf(cells.get(0))),
                    String.valueOf(cells.get(cells.size() - 2)),
                    String.valueOf(cells.get(cells.size() - 1))));
          }
          Optional<String> badge = text(By.cssSelector("a[data-testid=history-tab]"));
          String count = badge.orElse("").replaceAll("\\D", "");
          // The tab's badge counts the events; a page shows at most 100 (the default page size).
          if (events.isEmpty() || (!count.isEmpty() && events.size() < Math.min(Integer.parseInt(count), 100))) {
            return null;
          }
          events.sort((a, b) -> Long.compare(a.id(), b.id()));
          return events;
        });
  }

  /** Re-opens the Event History until it satisfies {@code until} (a running workflow's history grows). */
  public List<HistoryEvent> awaitHistory(
      String workflowId, Predicate<List<HistoryEvent>> until, String description) {
    return reloadUntil(description, () -> history(workflowId), until);
  }

  // ---------------------------------------------------------------- the filtered list

  /** The workflow list for a visibility query (e.g. {@code PaymentStatus="NEEDS_ATTENTION"}), as rows. */
  public List<WorkflowRow> list(String query) {
    driver.get(listUrl(query));
    return waitFor(
        "the workflow list for " + query,
        d -> {
          if (text(By.cssSelector("[data-testid=workflow-count]")).isEmpty()) {
            return null;
          }
          List<?> raw =
              script(
                  "const heads = Array.from(document.querySelectorAll('thead th'));"
                      + "const names = heads.map(h => (h.getAttribute('data-testid') || '')"
                      + "  .replace('workflows-summary-table-header-cell-', ''));"
                      + "return Array.from(document.querySelectorAll("
                      + "  'tr[data-testid=workflows-summary-configurable-table-row]')).map(r => {"
                      + "  const row = {};"
                      + "  Array.from(r.children).forEach((c, i) => { if (names[i]) row[names[i]] ="
                      + "    c.innerText.replace(/\\s+/g, ' ').trim(); });"
                      + "  return row; });",
                  List.class);
          if (raw.isEmpty()) {
            return visibleText().contains(NO_WORKFLOWS) ? List.<WorkflowRow>of() : null;
          }
          List<WorkflowRow> rows = new ArrayList<>();
          for (Object r : raw) {
            Map<String, String> cells = new LinkedHashMap<>();
            ((Map<?, ?>) r).forEach((k, v) -> cells.put(String.valueOf(k), String.valueOf(v)));
            if (cells.getOrDefault("Workflow ID", "").isEmpty()) {
              return null;
            }
            rows.add(WorkflowRow.of(cells));
          }
          return rows;
        });
  }

  /**
   * Reloads the list until its rows satisfy {@code until}, within the deadline: the list reads
   * visibility, which shows a workflow's start and search-attribute changes a moment after they happen.
   */
  public List<WorkflowRow> awaitList(String query, Predicate<List<WorkflowRow>> until, String description) {
    return reloadUntil(description, () -> list(query), until);
  }

  // ---------------------------------------------------------------- what is on screen

  /** The page's visible text (hidden dialogs and menus excluded), as a person reads it. */
  public String visibleText() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (WebDriverException e) {
      return "";
    }
  }

  /**
   * Saves the current page as a PNG at {@code png} (parent folders created): the viewport grown to
   * the page's full height for the shot when the browser is Chromium, else the viewport.
   */
  public Path screenshot(Path png) {
    try {
      if (png.toAbsolutePath().getParent() != null) {
        Files.createDirectories(png.toAbsolutePath().getParent());
      }
      byte[] image;
      if (driver instanceof HasCdp cdp) {
        // The UI scrolls inside containers (the event table) as well as the page: the shot is as
        // tall as the page plus the most any visible container hides below its fold.
        Number height =
            script(
                "const hidden = Array.from(document.querySelectorAll('*')).filter(e => {"
                    + "  const s = getComputedStyle(e);"
                    + "  return (s.overflowY === 'auto' || s.overflowY === 'scroll') && s.visibility !== 'hidden'"
                    + "    && e.getClientRects().length > 0 && e.scrollHeight > e.clientHeight; })"
                    + "  .map(e => e.scrollHeight - e.clientHeight);"
                    + "return Math.max(window.innerHeight, document.documentElement.scrollHeight,"
                    + "  document.body ? document.body.scrollHeight : 0) + Math.max(0, ...hidden);",
                Number.class);
        Number width = script("return window.innerWidth;", Number.class);
        int tall = Math.min(MAX_SCREENSHOT_HEIGHT, height.intValue());
        cdp.executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width.intValue(), "height", tall, "deviceScaleFactor", 1, "mobile", false));
        try {
          waitFor(
              "the viewport to grow to " + tall + " px",
              d -> script("return window.innerHeight;", Number.class).intValue() == tall ? Boolean.TRUE : null);
          image = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        } finally {
          cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
      } else {
        image = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      }
      Files.write(png, image);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the screenshot " + png, e);
    }
  }

  /** Quits the browser if this object started it. */
  @Override
  public void close() {
    if (ownsDriver) {
      driver.quit();
    }
  }

  // ---------------------------------------------------------------- values

  /** The workflow page's header, as shown. {@code status} is the badge's text, e.g. RUNNING or COMPLETED. */
  public record WorkflowView(
      String workflowId,
      String status,
      String runId,
      String workflowType,
      String taskQueue,
      String url,
      String visibleText,
      Duration renderTime) {}

  /** One row of the Event History: {@code type} as shown ("Timer Fired"), {@link #eventType()} as in the API. */
  public record HistoryEvent(long id, String type, String details) {
    /** The type without spaces, as the API names it: "Timer Fired" is TimerFired. */
    public String eventType() {
      return type.replace(" ", "");
    }
  }

  /** One row of the workflow list; {@code cells} maps every shown column's header to its text. */
  public record WorkflowRow(
      String status, String workflowId, String runId, String type, String start, String end, Map<String, String> cells) {
    static WorkflowRow of(Map<String, String> cells) {
      return new WorkflowRow(
          cells.getOrDefault("Status", ""),
          cells.getOrDefault("Workflow ID", ""),
          cells.getOrDefault("Run ID", ""),
          cells.getOrDefault("Type", ""),
          cells.getOrDefault("Start", ""),
          cells.getOrDefault("End", ""),
          Collections.unmodifiableMap(cells));
    }
  }

  // ---------------------------------------------------------------- internals

  /**
   * Opens the workflow's page, then clicks one of its tabs as a person would: the UI routes inside
   * the page, without loading its ~100 script chunks again as a new address would.
   */
  private void openTab(String workflowId, String tabTestId) {
    openWorkflow(workflowId);
    By tab = By.cssSelector("a[data-testid=" + tabTestId + "]");
    String path =
        waitFor(
            "the tab " + tabTestId + " of " + workflowId,
            d -> {
              WebElement link = d.findElement(tab);
              return link.isDisplayed() ? link.getDomAttribute("href") : null;
            });
    driver.findElement(tab).click();
    String suffix = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    waitFor("the address of the tab " + tabTestId, d -> d.getCurrentUrl().contains(suffix) ? Boolean.TRUE : null);
  }

  private <T> T reloadUntil(String description, java.util.function.Supplier<T> read, Predicate<T> until) {
    long end = System.nanoTime() + deadline.toNanos();
    T last = null;
    RuntimeException lastError = null;
    while (true) {
      try {
        last = read.get();
        lastError = null;
        if (until.test(last)) {
          return last;
        }
      } catch (TimeoutException e) {
        lastError = e;
      }
      if (System.nanoTime() > end) {
        AssertionError failure =
            new AssertionError(
                "the Web UI did not show " + description + " within " + deadline + "; last seen: " + last
                    + "\n--- page text ---\n" + shorten(visibleText()));
        if (lastError != null) {
          failure.initCause(lastError);
        }
        throw failure;
      }
      pause(RELOAD_PAUSE);
    }
  }

  private <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, deadline, POLL)
        .ignoring(WebDriverException.class)
        .withMessage(() -> "the Web UI did not show " + what + " at " + safeUrl() + "\n--- page text ---\n" + shorten(visibleText()))
        .until(condition);
  }

  private Optional<String> text(By by) {
    List<WebElement> found = driver.findElements(by);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getText().trim());
  }

  private <T> T script(String js, Class<T> type) {
    return type.cast(((JavascriptExecutor) driver).executeScript(js));
  }

  private String safeUrl() {
    try {
      return driver.getCurrentUrl();
    } catch (WebDriverException e) {
      return "?";
    }
  }

  private static String runIdFrom(String url, String workflowId) {
    String marker = "/workflows/" + encodePath(workflowId) + "/";
    int at = url.indexOf(marker);
    if (at < 0) {
      return "";
    }
    String rest = url.substring(at + marker.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** The line after a label in the visible text ("Workflow Type" then "PaymentSagaWorkflow"). */
  private static String valueAfter(String visible, String label) {
    String[] lines = visible.split("\n");
    for (int i = 0; i < lines.length - 1; i++) {
      if (lines[i].trim().equals(label)) {
        return lines[i + 1].trim();
      }
    }
    return "";
  }

  private static String shorten(String text) {
    return text.length() <= 3_000 ? text : text.substring(0, 3_000) + " ...";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String encodePath(String value) {
    return encode(value).replace("+", "%20");
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Web UI", e);
    }
  }
}
