package com.ticketing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.ticketing.events.PaymentTryListenerConfiguration;
import com.ticketing.events.SagaEventType;
import com.ticketing.it.EventContracts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * contracts/asyncapi.yaml is a valid AsyncAPI 3.0.0 document (checked against the specification's
 * own JSON Schema) that describes every topic the service creates, and the schema files under
 * contracts/events are valid JSON Schema 2020-12 and all reachable from it.
 */
class AsyncApiDocumentTest {

  private static final Path CONTRACTS = EventContracts.contractsDirectory();
  private static final JsonNode DOCUMENT = readYaml(CONTRACTS.resolve("asyncapi.yaml"));

  @Test
  void isValidAsyncApi300() throws IOException {
    Schema asyncApi;
    try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
      asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema, InputFormat.JSON);
    }

    List<Error> errors = asyncApi.validate(DOCUMENT);

    assertThat(DOCUMENT.path("asyncapi").asString()).isEqualTo("3.0.0");
    assertThat(errors).extracting(Error::toString).isEmpty();
  }

  @Test
  void hasAChannelForEveryTopicTheServiceCreatesAndNoOther() {
    // What SagaTopicsConfiguration creates at start-up.
    List<String> created =
        Stream.concat(
                Arrays.stream(SagaEventType.values()).map(SagaEventType::topic),
                Stream.of(PaymentTryListenerConfiguration.DEAD_LETTER_TOPIC))
            .toList();

    assertThat(channels().map(channel -> channel.path("address").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void everyEventChannelCarriesItsEventSchemaHeadersAndTheUserSeatKey() {
    for (SagaEventType type : SagaEventType.values()) {
      JsonNode channel = channelAt(type.topic());
      JsonNode message = componentMessage(channel.path("messages").path(messageIdOf(channel, type.topic())));
      assertThat(message.path("payload").path("schema").path("$ref").asString())
          .as(type.topic())
          .isEqualTo("./events/" + type.topic() + ".schema.json");
      JsonNode trait = resolve(message.path("traits").path(0).path("$ref").asString());
      assertThat(trait.path("headers").path("schema").path("$ref").asString()).isEqualTo("./events/headers.schema.json");
      assertThat(trait.path("bindings").path("kafka").path("key").path("pattern").asString()).isEqualTo("^[0-9]+-[0-9]+$");
    }
  }

  @Test
  void paymentTryIsAlsoACommandTheServiceReceivesAndDeadLettersToPaymentTryDlt() {
    JsonNode receive =
        stream(DOCUMENT.path("operations"))
            .filter(op -> op.path("action").asString().equals("receive"))
            .findFirst()
            .orElseThrow();
    assertThat(resolve(receive.path("channel").path("$ref").asString()).path("address").asString())
        .isEqualTo("payment.try");
    JsonNode command = componentMessage(resolve(receive.path("messages").path(0).path("$ref").asString()));
    assertThat(command.path("payload").path("schema").path("$ref").asString())
        .isEqualTo("./events/payment.try.command.schema.json");

    JsonNode deadLetter = componentMessage(channelAt("payment.try.DLT").path("messages").iterator().next());
    assertThat(deadLetter.path("headers").path("schema").path("$ref").asString())
        .isEqualTo("./events/payment.try.DLT.headers.schema.json");
  }

  @Test
  void everySchemaFileIsValidJsonSchema202012AndReachableFromTheDocument() throws IOException {
    Set<Path> files;
    try (Stream<Path> listed = Files.list(CONTRACTS.resolve("events"))) {
      files = new HashSet<>(listed.filter(p -> p.toString().endsWith(".schema.json")).toList());
    }
    SchemaRegistry registry = EventContracts.registry();
    Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    Set<Path> reachable = new HashSet<>();
    Deque<Path> toVisit = new ArrayDeque<>();
    fileRefs(DOCUMENT, CONTRACTS).forEach(toVisit::add);
    while (!toVisit.isEmpty()) {
      Path file = toVisit.pop().normalize();
      if (reachable.add(file)) {
        assertThat(file).as("a $ref'd file").isRegularFile();
        JsonNode schema = JsonMapper.shared().readTree(file.toFile());
        assertThat(metaSchema.validate(schema)).as("%s against the 2020-12 meta-schema", file).isEmpty();
        // Loading it resolves its $refs.
        assertThat(registry.getSchema(SchemaLocation.of(file.toUri().toString())).validate(JsonMapper.shared().createObjectNode()))
            .as("%s rejects an empty object", file)
            .isNotEmpty();
        fileRefs(schema, file.getParent()).forEach(toVisit::add);
      }
    }

    assertThat(reachable).containsExactlyInAnyOrderElementsOf(files.stream().map(Path::normalize).toList());
  }

  private static Stream<JsonNode> channels() {
    return stream(DOCUMENT.path("channels"));
  }

  private static JsonNode channelAt(String address) {
    return channels().filter(c -> c.path("address").asString().equals(address)).findFirst().orElseThrow();
  }

  private static String messageIdOf(JsonNode channel, String eventName) {
    return channel.path("messages").propertyNames().stream()
        .filter(id -> componentMessage(channel.path("messages").path(id)).path("name").asString().equals(eventName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message named " + eventName + " on " + channel.path("address")));
  }

  private static JsonNode componentMessage(JsonNode reference) {
    return reference.has("$ref") ? resolve(reference.path("$ref").asString()) : reference;
  }

  /** A local reference, "#/a/b/c"; a channel message's reference is followed on to the component. */
  private static JsonNode resolve(String ref) {
    assertThat(ref).startsWith("#/");
    JsonNode node = DOCUMENT.at(ref.substring(1));
    assertThat(node.isMissingNode()).as("%s resolves", ref).isFalse();
    return node.has("$ref") ? resolve(node.path("$ref").asString()) : node;
  }

  /** The files a node's $refs point to (a file, or a file's fragment), relative to base. */
  private static List<Path> fileRefs(JsonNode node, Path base) {
    List<Path> refs = new java.util.ArrayList<>();
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString() && !ref.asString().startsWith("#")) {
        refs.add(base.resolve(ref.asString().split("#", 2)[0]));
      }
      node.forEach(child -> refs.addAll(fileRefs(child, base)));
    } else if (node.isArray()) {
      node.forEach(child -> refs.addAll(fileRefs(child, base)));
    }
    return refs;
  }

  private static Stream<JsonNode> stream(JsonNode object) {
    return object.propertyNames().stream().map(object::path);
  }

  private static JsonNode readYaml(Path file) {
    return YAMLMapper.shared().readTree(file.toFile());
  }
}
