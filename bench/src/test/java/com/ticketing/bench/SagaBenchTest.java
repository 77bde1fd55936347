package com.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SagaBenchTest {

  @Test
  void historySampleIsSpreadOverTheWholeRun() {
    List<String> ids = IntStream.range(0, 100).mapToObj(Integer::toString).toList();

    assertThat(SagaBench.evenlySpaced(ids, 4)).containsExactly("0", "25", "50", "75");
    assertThat(SagaBench.evenlySpaced(ids.subList(0, 3), 20)).containsExactly("0", "1", "2");
    assertThat(SagaBench.evenlySpaced(List.of(), 20)).isEmpty();
  }
}
