package com.ticketing.it;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event contract of contracts/events: checks a consumed saga event's value against the schema
 * of its topic ({@code <topic>.schema.json}) and its headers against {@code headers.schema.json}.
 */
public final class EventContracts {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final Path events;
  private final SchemaRegistry registry = registry();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private EventContracts(Path events) {
    this.events = events;
  }

  /** Draft 2020-12 with formats asserted; the schema files and their relative $refs read from disk. */
  public static SchemaRegistry registry() {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(iri -> iri.startsWith("file:") ? read(Path.of(URI.create(iri))) : null));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contracts of this checkout (found from the working directory upwards). */
  public static EventContracts ofThisRepository() {
    return new EventContracts(contractsDirectory().resolve("events"));
  }

  /** The repository's contracts/ directory. */
  public static Path contractsDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("contracts/asyncapi.yaml"))) {
        return dir.resolve("contracts");
      }
    }
    throw new IllegalStateException("no contracts/asyncapi.yaml in " + Path.of("").toAbsolutePath() + " or a parent");
  }

  /** What is wrong with the event; empty when value and headers keep the contract. */
  public List<String> violations(String topic, Map<String, String> headers, JsonNode value) {
    List<String> problems = new ArrayList<>();
    Path payloadSchema = events.resolve(topic + ".schema.json");
    if (!Files.isRegularFile(payloadSchema)) {
      return List.of("no schema for topic " + topic + " (" + payloadSchema + ")");
    }
    if (value.isMissingNode()) {
      problems.add("value is not JSON");
    } else {
      schema(payloadSchema).validate(value).forEach(error -> problems.add("value " + describe(error)));
    }
    ObjectNode headerNode = JSON.createObjectNode();
    headers.forEach(headerNode::put);
    schema(events.resolve("headers.schema.json")).validate(headerNode).forEach(error -> problems.add("headers " + describe(error)));
    return problems;
  }

  private Schema schema(Path file) {
    return schemas.computeIfAbsent(file.toString(), f -> registry.getSchema(SchemaLocation.of(file.toUri().toString())));
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }
}
