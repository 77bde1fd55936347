package com.ticketing.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ended spans of one trace, read as a tree by their parent links. */
record SpanTree(String traceId, List<SpanData> spans) {

  static SpanTree of(String traceId, List<SpanData> exported) {
    return new SpanTree(
        traceId,
        exported.stream()
            .filter(span -> span.getTraceId().equals(traceId))
            .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
            .toList());
  }

  List<SpanData> named(String name) {
    return spans.stream().filter(span -> span.getName().equals(name)).toList();
  }

  /** Spans without a parent in this trace: the root, or spans whose parent was not exported. */
  List<SpanData> roots() {
    Map<String, SpanData> byId = byId();
    return spans.stream().filter(span -> !byId.containsKey(span.getParentSpanId())).toList();
  }

  Optional<SpanData> parentOf(SpanData span) {
    return Optional.ofNullable(byId().get(span.getParentSpanId()));
  }

  boolean descendsFrom(SpanData span, SpanData ancestor) {
    Optional<SpanData> parent = parentOf(span);
    while (parent.isPresent()) {
      if (parent.get().getSpanId().equals(ancestor.getSpanId())) {
        return true;
      }
      parent = parentOf(parent.get());
    }
    return false;
  }

  static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  /** The tree as indented text: one line per span, children in start order. */
  String render() {
    StringBuilder text = new StringBuilder();
    roots().forEach(root -> render(root, 0, text));
    return text.toString();
  }

  private void render(SpanData span, int depth, StringBuilder text) {
    text.append("  ".repeat(depth))
        .append(span.getName())
        .append(" [")
        .append(span.getKind())
        .append(", ")
        .append((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000)
        .append(" µs]")
        .append(depth == 0 && SpanId.isValid(span.getParentSpanId()) ? " parent " + span.getParentSpanId() : "")
        .append('\n');
    spans.stream()
        .filter(child -> child.getParentSpanId().equals(span.getSpanId()))
        .forEach(child -> render(child, depth + 1, text));
  }

  private Map<String, SpanData> byId() {
    return spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
  }
}
