package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The decision tables' FEEL, parsed once, evaluates exactly as Camunda's own FEEL integration does. */
class ParsedFeelExpressionsTest {

    private static final String TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
              <decision id="fee" name="Fee">
                <decisionTable hitPolicy="FIRST">
                  <input id="in1" label="Channel"><inputExpression id="in2" typeRef="string"><text>channel</text></inputExpression></input>
                  <input id="in3" label="Amount"><inputExpression id="in4" typeRef="number"><text>amount * 2</text></inputExpression></input>
                  <output id="ou5" name="rate" typeRef="number"/>
                  <output id="ou6" name="label" typeRef="string"/>
                  <rule id="ru7"><inputEntry id="in8"><text>"MARKETPLACE","APP"</text></inputEntry><inputEntry id="in9"><text>&lt; 10</text></inputEntry>
                    <outputEntry id="ou10"><text>0.15</text></outputEntry><outputEntry id="ou11"><text>"small " + channel</text></outputEntry></rule>
                  <rule id="ru12"><inputEntry id="in13"><text>not("WEBSHOP")</text></inputEntry><inputEntry id="in14"><text>[10..200]</text></inputEntry>
                    <outputEntry id="ou15"><text>amount / 100</text></outputEntry><outputEntry id="ou16"><text>string(amount)</text></outputEntry></rule>
                  <rule id="ru17"><inputEntry id="in18"><text>-</text></inputEntry><inputEntry id="in19"><text>&gt; 200</text></inputEntry>
                    <outputEntry id="ou20"><text>round half up(amount / 1000, 2)</text></outputEntry><outputEntry id="ou21"><text>upper case(channel)</text></outputEntry></rule>
                  <rule id="ru22"><inputEntry id="in23"><text>"WEBSHOP"</text></inputEntry><inputEntry id="in24"><text>-</text></inputEntry>
                    <outputEntry id="ou25"><text>0.03</text></outputEntry><outputEntry id="ou26"><text>null</text></outputEntry></rule>
                </decisionTable>
              </decision>
              <decision id="broken" name="Broken">
                <decisionTable>
                  <input id="in27" label="Amount"><inputExpression id="in28" typeRef="number"><text>amount</text></inputExpression></input>
                  <output id="ou29" name="rate" typeRef="number"/>
                  <rule id="ru30"><inputEntry id="in31"><text>&gt;&gt; 1</text></inputEntry><outputEntry id="ou32"><text>1</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private final DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine cached = cachedEngine();

    @Test
    void everyRuleAndOutputComesOutAsWithCamundasOwnFeel() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String channel : new String[] {"MARKETPLACE", "APP", "WEBSHOP", "POS"}) {
            for (Object amount : new Object[] {1, 4.99, 5, 50, 100.5, 101, 250, 100000}) {
                inputs.add(Map.of("channel", channel, "amount", amount));
            }
        }
        for (int round = 0; round < 2; round++) { // the second round evaluates the parsed expressions again
            for (Map<String, Object> variables : inputs) {
                assertThat(cached.evaluateDecisionTable(decision(cached, "fee"), variables).getResultList())
                        .as("%s, round %d", variables, round)
                        .isEqualTo(camunda.evaluateDecisionTable(decision(camunda, "fee"), variables).getResultList());
            }
        }
        var feel = (ParsedFeelExpressions.CachingFeelEngine)
                ((DefaultDmnEngineConfiguration) cached.getConfiguration()).getFeelEngine();
        assertThat(feel.parsedExpressions()).isBetween(1, 20);
    }

    @Test
    void anExpressionThatDoesNotParseFailsWithCamundasMessage() {
        Map<String, Object> variables = Map.of("amount", 3);
        Throwable expected = org.assertj.core.api.Assertions.catchThrowable(
                () -> camunda.evaluateDecisionTable(decision(camunda, "broken"), variables));
        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> cached.evaluateDecisionTable(decision(cached, "broken"), variables))
                .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    }

    @Test
    void theEnginePluginGivesTheDecisionEngineTheCachingFeel() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new ParsedFeelExpressions().preInit(configuration);
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory().createInstance())
                .isInstanceOf(ParsedFeelExpressions.CachingFeelEngine.class);
    }

    private static DmnEngine cachedEngine() {
        var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> new ParsedFeelExpressions.CachingFeelEngine(List.of()));
        return configuration.buildEngine();
    }

    private static DmnDecision decision(DmnEngine engine, String key) {
        return engine.parseDecision(key, new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
    }
}
