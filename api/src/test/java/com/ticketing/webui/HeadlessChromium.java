package com.ticketing.webui;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium, from Debian's packages only: {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} ({@code apt-get install chromium chromium-driver}). Both paths are
 * given to Selenium explicitly, so Selenium Manager never runs: with the driver set on the service
 * it resolves nothing and downloads nothing (no browser, no driver).
 */
public final class HeadlessChromium {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final int WIDTH = 1400;
  public static final int HEIGHT = 1000;

  private static final Logger CDP_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private HeadlessChromium() {}

  /** A new headless browser session; the caller quits it ({@code driver.quit()}). */
  public static ChromeDriver start() {
    requireInstalled();
    // Selenium ships CDP bindings for a few Chrome versions only and warns for others; nothing here
    // needs them (screenshots use chromedriver's own CDP command endpoint).
    CDP_WARNINGS.setLevel(Level.SEVERE);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    return new ChromeDriver(service, options());
  }

  /** The browser's options: Debian's binary, new headless mode, no sandbox (root), no GPU, no network chatter. */
  public static ChromeOptions options() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-extensions",
        "--no-first-run",
        "--window-size=" + WIDTH + "," + HEIGHT);
    return options;
  }

  /** Fails with what to install when Debian's chromium or chromedriver is missing. */
  public static void requireInstalled() {
    StringBuilder missing = new StringBuilder();
    for (Path path : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      File file = path.toFile();
      if (!Files.isRegularFile(path) || !file.canExecute()) {
        missing.append(missing.isEmpty() ? "" : " and ").append(path);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "headless Chromium needs Debian's browser and driver, but "
              + missing
              + " is missing: apt-get update && apt-get install -y chromium chromium-driver"
              + " (a browser or driver download is never used)");
    }
  }
}
