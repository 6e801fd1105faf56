package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The last closing note: an id the engine does not take ("li-na") was a 500. The rule a refusal names is the engine's
 * configured one (its pattern for the kind, else its general one), read each time, in characters and as the pattern.
 */
class ResourceIdRefusedTest {

    private final ProcessEngine engine = mock(ProcessEngine.class);
    /** A configuration with the engine's own defaults. */
    private final ProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

    ResourceIdRefusedTest() {
        when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
    }

    private MockHttpServletResponse send(String method, String path, String body, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ResourceIdRefused(() -> engine).doFilter(request, response, chain);
        return response;
    }

    @Test
    void theEnginesDefaultReadsAsLettersAndDigits() {
        assertThat(ResourceIdRefused.characters(Pattern.compile(configuration.getGeneralResourceWhitelistPattern())))
                .isEqualTo("0-9, A-Z, a-z");
        assertThat(ResourceIdRefused.characters(Pattern.compile("[a-z][a-z0-9._-]*"))).isEqualTo("-, ., 0-9, _, a-z");
        assertThat(ResourceIdRefused.characters(Pattern.compile("camunda-admin"))).isEmpty();
    }

    @Test
    void aUserWithAHyphenIsA400NamingTheConfiguredRuleAndTheEngineIsNotCalled() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = send("POST", "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"li-na\",\"firstName\":\"Li\"},\"credentials\":{\"password\":\"x\"}}", chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"type\":\"InvalidRequestException\"").contains(
                "The user id li-na is refused: an id may have only the characters 0-9, A-Z, a-z; the engine takes user"
                        + " ids that match " + configuration.getGeneralResourceWhitelistPattern());
        assertThat(chain.getRequest()).as("the engine is not called").isNull();
    }

    @Test
    void aKindsOwnPatternWinsOverTheGeneralOne() throws Exception {
        configuration.setGroupResourceWhitelistPattern("[a-z]+(-[a-z]+)*");
        MockFilterChain allowed = new MockFilterChain();
        assertThat(send("POST", "/camunda/api/engine/engine/default/group/create", "{\"id\":\"pick-ers\"}", allowed)
                .getStatus()).isEqualTo(200);
        assertThat(allowed.getRequest()).isNotNull();

        MockHttpServletResponse refused = send("PUT", "/engine-rest/group/pickers", "{\"id\":\"Pickers\"}", new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("The group id Pickers is refused: an id may have only the"
                + " characters -, a-z; the engine takes group ids that match [a-z]+(-[a-z]+)*");
    }

    @Test
    void aGoodIdAndOtherRequestsReachTheEngineAsSent() throws Exception {
        String body = "{\"id\":\"shop1\",\"name\":\"Shop\"}";
        MockFilterChain chain = new MockFilterChain();
        assertThat(send("POST", "/engine-rest/tenant/create", body, chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo(body);

        MockFilterChain members = new MockFilterChain();
        assertThat(send("PUT", "/engine-rest/group/operators/members/li-na", "{}", members).getStatus()).isEqualTo(200);
        assertThat(members.getRequest()).isNotNull();
        MockFilterChain list = new MockFilterChain();
        assertThat(send("POST", "/engine-rest/group/create", "{\"id\":[\"a\"]}", list).getStatus()).isEqualTo(200);
        assertThat(list.getRequest()).as("the engine's reader refuses a list (400)").isNotNull();
    }

    /**
     * Exploratory s18 (H1): an id sent as a JSON number, or none, went on to the engine, which read "1.5" and refused it,
     * or found no id: a 500 and an ENGINE-16004 ERROR each. A number is checked as its text; no id is a 400 saying so.
     */
    @Test
    void anIdSentAsANumberIsCheckedAsItsTextAndNoIdIsA400() throws Exception {
        MockFilterChain number = new MockFilterChain();
        MockHttpServletResponse decimal = send("POST", "/engine-rest/group/create", "{\"id\":1.5,\"name\":\"G\"}", number);
        assertThat(decimal.getStatus()).isEqualTo(400);
        assertThat(decimal.getContentAsString()).contains("The group id 1.5 is refused");
        assertThat(number.getRequest()).as("the engine is not called").isNull();

        MockFilterChain whole = new MockFilterChain();
        assertThat(send("POST", "/engine-rest/tenant/create", "{\"id\":15}", whole).getStatus()).isEqualTo(200);
        assertThat(whole.getRequest()).isNotNull();

        for (String body : new String[] {"{\"profile\":{}}", "{\"profile\":{\"id\":null}}", "{}"}) {
            MockFilterChain none = new MockFilterChain();
            MockHttpServletResponse missing = send("POST", "/engine-rest/user/create", body, none);
            assertThat(missing.getStatus()).as(body).isEqualTo(400);
            assertThat(missing.getContentAsString()).contains("The user id is missing: send the id as a text (a JSON string)");
            assertThat(none.getRequest()).isNull();
        }
    }
}
