package com.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.backoff.BackOffExecution;

/** The default back-off of an inbound command, as application.yml and the README describe it. */
class CommandRetryPropertiesTest {

  @Test
  void defaultBackOffWaitsHalfASecondDoublingUpToTenSecondsUntilTwoMinutesOfWaiting() {
    CommandRetryProperties defaults =
        new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("ticketing.kafka.command-retry", CommandRetryProperties.class);

    List<Long> waits = new ArrayList<>();
    BackOffExecution execution = defaults.backOff().start();
    for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
      waits.add(wait);
    }

    assertThat(waits).startsWith(500L, 1_000L, 2_000L, 4_000L, 8_000L, 10_000L);
    assertThat(waits.subList(5, waits.size())).containsOnly(10_000L);
    long total = waits.stream().mapToLong(Long::longValue).sum();
    assertThat(total).isGreaterThanOrEqualTo(120_000L);
    assertThat(total - waits.get(waits.size() - 1)).isLessThan(120_000L);
  }
}
