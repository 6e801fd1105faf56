package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dropflow.order.OrderStatus;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The pieces every task form's facts are made of: words, moments, amounts, variables. */
class FormFactsTest {

    private static final Instant AT = Instant.parse("2026-12-02T07:04:00Z");

    @Test
    void momentsAreInTheSellersZoneAndSayWhichZone() {
        assertThat(SellerTime.in("Asia/Shanghai").format(AT)).isEqualTo("2026-12-02 15:04 (Asia/Shanghai)");
        assertThat(SellerTime.in("UTC").format(AT)).isEqualTo("2026-12-02 07:04 (UTC)");
        assertThat(SellerTime.in("UTC").format(null)).isNull();
    }

    @Test
    void anUnknownZoneRefusesToStartNamingTheSetting() {
        assertThatThrownBy(() -> SellerTime.in("Mars/Olympus")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dropflow.seller.time-zone 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> SellerTime.in(" ")).hasMessageContaining("dropflow.seller.time-zone is empty");
    }

    @Test
    void anUnknownZoneInTheSettingsStopsStartUpAndUtcIsTheDefault() {
        // SellerTime.now() reads the one Clock (EngineClock's, which follows the engine's)
        ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(SellerTime.class)
                .withBean(Clock.class, () -> Clock.fixed(AT, ZoneOffset.UTC));

        app.withPropertyValues("dropflow.seller.time-zone=Mars/Olympus").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("dropflow.seller.time-zone 'Mars/Olympus' is not a time zone");
        });
        app.run(context -> assertThat(context.getBean(SellerTime.class).zone()).hasToString("UTC"));
        app.withPropertyValues("dropflow.seller.time-zone=Asia/Shanghai")
                .run(context -> {
                    assertThat(context.getBean(SellerTime.class).format(AT)).isEqualTo("2026-12-02 15:04 (Asia/Shanghai)");
                    assertThat(context.getBean(SellerTime.class).now()).isEqualTo("2026-12-02 15:04 (Asia/Shanghai)");
                });
    }

    @Test
    void codesReadAsWholeWords() {
        assertThat(OperatorWords.of(OrderStatus.OUT_OF_STOCK)).isEqualTo("Out of stock");
        assertThat(OperatorWords.of(OrderStatus.SHIPPED)).isEqualTo("Shipped");
        assertThat(OperatorWords.of("partial_refund")).isEqualTo("Partial refund");
        assertThat(OperatorWords.of("RESHIP")).isEqualTo("Reshipment");
        assertThat(OperatorWords.of((String) null)).isNull();
        assertThat(OperatorWords.percent(0.834)).isEqualTo("83 %");
        assertThat(OperatorWords.percent(null)).isEqualTo(OperatorWords.NOT_KNOWN_YET);
    }

    /** s18: a form's count read "1 times", "1 SLA hours": in words, singular for exactly one, plural otherwise. */
    @Test
    void aCountReadsInTheSingularForOneAndThePluralForAnyOtherNumber() {
        assertThat(OperatorWords.count(1, "time", "times")).isEqualTo("1 time");
        assertThat(OperatorWords.count(1L, "purchase order", "purchase orders")).isEqualTo("1 purchase order");
        assertThat(OperatorWords.count(1.0, "SLA hour", "SLA hours")).isEqualTo("1 SLA hour");
        assertThat(OperatorWords.count(0, "time", "times")).isEqualTo("0 times");
        assertThat(OperatorWords.count(0.0, "SLA hour", "SLA hours")).isEqualTo("0 SLA hours");
        assertThat(OperatorWords.count(2.5, "SLA hour", "SLA hours")).isEqualTo("2.5 SLA hours");
        assertThat(OperatorWords.count(1.1, "SLA hour", "SLA hours")).isEqualTo("1.1 SLA hours");
        assertThat(OperatorWords.count(720, "SLA hour", "SLA hours")).isEqualTo("720 SLA hours");
        assertThat(OperatorWords.count(100.0, "day", "days")).isEqualTo("100 days");
        assertThat(OperatorWords.count(null, "time", "times")).isNull();
    }

    @Test
    void amountsHaveTheirCurrencysDecimalsAndCode() {
        assertThat(Money.format(new BigDecimal("1500"), "JPY")).isEqualTo("1500 JPY");
        assertThat(Money.format(new BigDecimal("15"), "EUR")).isEqualTo("15.00 EUR");
        assertThat(Money.format(new BigDecimal("1.5"), "KWD")).isEqualTo("1.500 KWD");
    }

    @Test
    void factsAreSmallValuesOrRows() {
        FormFacts facts = new FormFacts().put("total", new BigDecimal("15.00")).put("late", true)
                .rows("lines", List.of(Map.of("sku", "DEMO-MUG")));
        assertThat(facts.values()).containsEntry("total", "15.00").containsEntry("late", true)
                .containsEntry("lines", List.of(Map.of("sku", "DEMO-MUG")));
        assertThatThrownBy(() -> new FormFacts().put("when", AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTasksFactsAreOneJsonVariableThatReadsBackAsTheyWerePut() {
        VariableScope task = mock(VariableScope.class);
        new FormFacts().put("orderNumber", "SHOP-1").put("lateByHours", 2.5).put("canReroute", false)
                .put("scorecardFlag", null).rows("backups", List.of(FormFacts.row("supplier", "Bright Lamps", "tier", 2)))
                .with(new FormFacts().put("orderNumber", "SHOP-2").put("round", 1)).setLocal(task);

        ArgumentCaptor<TypedValue> stored = ArgumentCaptor.forClass(TypedValue.class);
        verify(task).setVariableLocal(eq(FormFacts.VARIABLE), stored.capture());
        verify(task, times(1)).setVariableLocal(anyString(), any());
        assertThat(stored.getValue()).isInstanceOf(org.camunda.spin.plugin.variable.value.JsonValue.class);
        Map<String, Object> shown = FormFacts.read(stored.getValue());
        assertThat(shown).containsExactly(Map.entry("orderNumber", "SHOP-2"), Map.entry("lateByHours", 2.5),
                Map.entry("canReroute", false), entry("scorecardFlag", null),
                Map.entry("backups", List.of(Map.of("supplier", "Bright Lamps", "tier", 2))), Map.entry("round", 1));
        assertThat(FormFacts.read(null)).as("a task without facts").isEmpty();
    }

    @Test
    void aTaskOfAModelVersionWhoseFormsReadEachFactByNameGetsOneVariablePerFact() {
        DelegateTask old = taskOfADeploymentWith("{\"components\": [{\"type\": \"text\", \"text\": \"Order {{orderNumber}}\"}]}");
        DelegateTask current = taskOfADeploymentWith(
                "{\"components\": [{\"type\": \"text\", \"text\": \"Order {{facts.orderNumber}}\"}]}");
        FormFacts facts = new FormFacts().put("orderNumber", "SHOP-1").rows("history", List.of(FormFacts.row("what", "Placed")));

        facts.setLocal(old);
        facts.setLocal(current);

        verify(old).setVariableLocal("orderNumber", "SHOP-1");
        verify(old).setVariableLocal(eq("history"), any(org.camunda.spin.plugin.variable.value.JsonValue.class));
        verify(old, never()).setVariableLocal(eq(FormFacts.VARIABLE), any());
        verify(current).setVariableLocal(eq(FormFacts.VARIABLE), any(org.camunda.spin.plugin.variable.value.JsonValue.class));
        verify(current, times(1)).setVariableLocal(anyString(), any());
    }

    /** A task whose model version was deployed (under a deployment id of its own) with this one form. */
    private static DelegateTask taskOfADeploymentWith(String form) {
        String deployment = java.util.UUID.randomUUID().toString();
        RepositoryService repository = mock(RepositoryService.class);
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getDeploymentId()).thenReturn(deployment);
        when(repository.getProcessDefinition("order_fulfillment:7:" + deployment)).thenReturn(definition);
        when(repository.getDeploymentResourceNames(deployment)).thenReturn(List.of("order-fulfillment.bpmn", "ship-by-breach.form"));
        when(repository.getResourceAsStream(deployment, "ship-by-breach.form"))
                .thenReturn(new java.io.ByteArrayInputStream(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(services.getRepositoryService()).thenReturn(repository);
        DelegateTask task = mock(DelegateTask.class);
        when(task.getProcessDefinitionId()).thenReturn("order_fulfillment:7:" + deployment);
        when(task.getProcessEngineServices()).thenReturn(services);
        return task;
    }

    @Test
    void aTaskFromBeforeTheFactsWereOneVariableShowsItsVariables() {
        VariableScope task = mock(VariableScope.class);
        when(task.getVariablesLocal()).thenReturn(new org.camunda.bpm.engine.variable.impl.VariableMapImpl(
                Map.of("lateSupplier", "Acme Homeware (ACME)", "onTimeRate", "80 %")));

        assertThat(FormFacts.shownOn(task)).containsEntry("lateSupplier", "Acme Homeware (ACME)")
                .containsEntry("onTimeRate", "80 %");
    }
}
