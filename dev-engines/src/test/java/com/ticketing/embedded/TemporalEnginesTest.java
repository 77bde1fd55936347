package com.ticketing.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.embedded.TemporalEngines.Choice;
import com.ticketing.saga.SagaSearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalEnginesTest {

  @Test
  void theChoiceIsReadAsConfigured() {
    assertThat(Choice.parse(null)).isEqualTo(Choice.AUTO);
    assertThat(Choice.parse(" ")).isEqualTo(Choice.AUTO);
    assertThat(Choice.parse("dev-server")).isEqualTo(Choice.DEV_SERVER);
    assertThat(Choice.parse("test-server")).isEqualTo(Choice.TEST_SERVER);
    assertThatThrownBy(() -> Choice.parse("cloud")).hasMessageContaining("auto, dev-server or test-server");
  }

  @Test
  void aConfiguredCliThatIsNotThereStopsTheStartInsteadOfFallingBack(@TempDir Path dir) throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("temporal"), "#!/bin/sh\n");

    assertThatThrownBy(() -> TemporalCli.locate(dir.resolve("missing").toString()))
        .hasMessageContaining("is not an executable file");
    assertThatThrownBy(() -> TemporalCli.locate(notExecutable.toString())).hasMessageContaining("is not an executable file");
    assertThatThrownBy(() -> TemporalEngines.start(Choice.AUTO, dir.resolve("missing").toString(), 0, 0, dir))
        .hasMessageContaining("is not an executable file");
  }

  @Test
  void theDevServerRegistersTheSagasSearchAttributesInTheClisSpelling() {
    assertThat(TemporalDevServer.searchAttributeFlags(SagaSearchAttributes.definitions()))
        .containsExactly(
            "--search-attribute", "PaymentStatus=Keyword",
            "--search-attribute", "UserId=Int",
            "--search-attribute", "SeatId=Int",
            "--search-attribute", "RetryCount=Int",
            "--search-attribute", "StuckStep=Keyword");
  }
}
