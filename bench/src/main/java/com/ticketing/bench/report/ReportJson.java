package com.ticketing.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The report as indented JSON: every figure, for tools and for comparing runs. */
public final class ReportJson {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReportJson() {}

  public static String render(BenchReport report) {
    return JSON.writeValueAsString(report) + "\n";
  }

  public static void write(BenchReport report, Path file) throws IOException {
    Files.writeString(file, render(report));
  }
}
