package com.ticketing.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev servers this project started on this machine, one file each ({@code <pid>.pid} holding
 * the PID of the JVM that owns it) in {@code <tmpdir>/ticketing-temporal-dev-servers/}. A JVM that
 * is SIGKILLed runs no shutdown hook, so its dev server would live on and hold its ports; the next
 * start stops every recorded dev server whose owner is gone. Dev servers of live owners (another
 * test JVM, a second service) are left alone.
 */
final class DevServerPidFiles {

  private static final Logger log = LoggerFactory.getLogger(DevServerPidFiles.class);
  private static final Path DIRECTORY =
      Path.of(System.getProperty("java.io.tmpdir"), "ticketing-temporal-dev-servers");

  private DevServerPidFiles() {}

  static void record(long devServerPid) {
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(fileOf(devServerPid), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.warn("could not record the Temporal dev server's PID {} in {}: {}", devServerPid, DIRECTORY, e.getMessage());
    }
  }

  static void forget(long devServerPid) {
    try {
      Files.deleteIfExists(fileOf(devServerPid));
    } catch (IOException e) {
      log.warn("could not remove {}: {}", fileOf(devServerPid), e.getMessage());
    }
  }

  /** Stops each recorded dev server whose owning JVM is no longer alive, and forgets dead ones. */
  static synchronized void stopOrphans() {
    if (!Files.isDirectory(DIRECTORY)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(DIRECTORY, "*.pid")) {
      for (Path file : files) {
        try {
          stopIfOrphan(file);
        } catch (IOException | NumberFormatException unreadable) {
          // A file cut short by a crash names no process we could check: forget it, start anyway.
          log.warn("ignoring unreadable {}: {}", file, unreadable.getMessage());
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      log.warn("could not read {}: {}", DIRECTORY, e.getMessage());
    }
  }

  private static void stopIfOrphan(Path file) throws IOException {
    long devServerPid = Long.parseLong(file.getFileName().toString().replace(".pid", ""));
    long ownerPid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
    Optional<ProcessHandle> devServer = ProcessHandle.of(devServerPid).filter(DevServerPidFiles::isDevServer);
    if (devServer.isEmpty()) {
      Files.deleteIfExists(file); // ended, or the PID now belongs to something else
      return;
    }
    if (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
      return;
    }
    log.warn(
        "stopping the Temporal dev server (PID {}) left over from a run that was killed (PID {})",
        devServerPid,
        ownerPid);
    ProcessHandle process = devServer.get();
    process.destroy();
    try {
      process.onExit().get(15, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(file);
  }

  private static boolean isDevServer(ProcessHandle process) {
    return process.isAlive()
        && process.info().commandLine().map(line -> line.contains("server start-dev")).orElse(false);
  }

  private static Path fileOf(long devServerPid) {
    return DIRECTORY.resolve(devServerPid + ".pid");
  }
}
