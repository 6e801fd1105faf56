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
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
    void offersExactlyTheNamesJavaReads(String table, String output, Class<? extends Enum<?>> names) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList outputs = factory.newDocumentBuilder().parse(new File("bpmn", table))
                .getElementsByTagNameNS("*", "output");
        Element found = null;
        for (int i = 0; i < outputs.getLength(); i++) {
            Element candidate = (Element) outputs.item(i);
            if (output.equals(candidate.getAttribute("name"))) {
                found = candidate;
            }
        }
        assertThat(found).as(table + " has an output " + output).isNotNull();
        NodeList values = found.getElementsByTagNameNS("*", "outputValues");
        assertThat(values.getLength()).as(table + " " + output + " offers its values").isEqualTo(1);
        List<String> offered = Arrays.stream(values.item(0).getTextContent().split(","))
                .map(v -> v.trim().replaceAll("^\"|\"$", "")).toList();
        assertThat(offered).containsExactlyInAnyOrder(
                Arrays.stream(names.getEnumConstants()).map(Enum::name).toArray(String[]::new));
    }
}
