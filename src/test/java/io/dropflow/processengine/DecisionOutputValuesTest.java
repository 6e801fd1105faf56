package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.CostBearer;
import io.dropflow.onboarding.DocumentType;
import io.dropflow.returns.internal.RefundBasis;
import io.dropflow.returns.internal.ReturnRequest;
import io.dropflow.returns.internal.SupplierCredit;
import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An output Java reads as one of its own names (valueOf) offers exactly those names in Modeler: the table's
 * output values, so an analyst picks one from a list instead of typing "supply_cost", which would be an
 * incident at run time. A name added to the enum without the table, or the other way round, fails here.
 */
class DecisionOutputValuesTest {

    static Stream<Arguments> outputsReadAsNames() {
        return Stream.of(
                Arguments.of("claim-cost-bearer.dmn", "costBearer", CostBearer.class),
                Arguments.of("claim-cost-bearer.dmn", "chargebackBasis", ChargebackBasis.class),
                Arguments.of("return-policy.dmn", "returnShippingPaidBy", ReturnRequest.ShippingPaidBy.class),
                Arguments.of("return-refund-basis.dmn", "refundBasis", RefundBasis.class),
                Arguments.of("return-refund-basis.dmn", "supplierCredit", SupplierCredit.class),
                Arguments.of("onboarding-requirements.dmn", "document", DocumentType.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputsReadAsNames")
    void offersExactlyTheNamesJavaReads(String table, String output, Class<? extends Enum<?>> names) {
        Output found = Dmn.readModelFromFile(new File("bpmn", table)).getModelElementsByType(Output.class).stream()
                .filter(o -> output.equals(o.getName())).findFirst().orElseThrow();

        assertThat(found.getOutputValues()).as(table + " " + output + " offers its values").isNotNull();
        assertThat(found.getOutputValues().getTextContent()).isEqualTo(Arrays.stream(names.getEnumConstants())
                .map(name -> "\"" + name.name() + "\"").collect(Collectors.joining(",")));
    }
}
