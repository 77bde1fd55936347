package com.ticketing.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DevServerPidFilesTest {

  private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "ticketing-temporal-dev-servers");

  @Test
  void aPidFileCutShortByACrashIsForgottenAndDoesNotStopTheNextStart() throws Exception {
    Files.createDirectories(DIRECTORY);
    Path empty = Files.writeString(DIRECTORY.resolve("999999999.pid"), "");
    Path misnamed = Files.writeString(DIRECTORY.resolve("not-a-pid.pid"), "1");

    assertThatCode(DevServerPidFiles::stopOrphans).doesNotThrowAnyException();

    assertThat(empty).doesNotExist();
    assertThat(misnamed).doesNotExist();
  }
}
