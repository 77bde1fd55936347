package com.ticketing.embedded;

import com.ticketing.saga.SagaSearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;

/**
 * Registers the saga's search attributes on the test server. The dev server gets them as
 * {@code --search-attribute} flags and compose's server from its {@code temporal-register} job,
 * all from the one list in {@link SagaSearchAttributes#definitions()}.
 */
final class SearchAttributeRegistration {

  private SearchAttributeRegistration() {}

  static void register(String target) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder().setTarget(target).validateAndBuildWithDefaults());
    try {
      operator
          .blockingStub()
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace("default")
                  .putAllSearchAttributes(SagaSearchAttributes.definitions())
                  .build());
    } finally {
      operator.shutdown();
    }
  }
}
