package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.DropflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A redeploy (POST /deployment/{id}/redeploy) is judged like a new deployment (review s18, F3). */
@DropflowTest
class RedeployChecksTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void clean() {
        engine.getRepositoryService().createDeploymentQuery().deploymentNameLike("%" + suffix).list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void aRedeployOfATableTheChecksRefuseIsRefusedToo() throws Exception {
        String selection = Files.readString(Path.of("bpmn", "supplier-selection.dmn"))
                .replace("<outputEntry id=\"rule_3_tier\"><text>3<", "<outputEntry id=\"rule_3_tier\"><text>three<");
        assertThat(selection).contains("<text>three<");
        // deployed as an earlier release (or Dropflow at start) would have: nobody logged in, no check
        Deployment earlier = engine.getRepositoryService().createDeployment().name("earlier-" + suffix)
                .addString("supplier-selection.dmn", selection).deploy();
        int before = decisionVersions();

        HttpResponse<String> answer = redeploy(earlier.getId(), "{\"source\": \"redeploy-" + suffix + "\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("A decision table breaks what Dropflow relies on").contains("rule_3");
        assertThat(decisionVersions()).as("nothing deployed").isEqualTo(before);

        // the same file named by its resource's id, then by its name
        String resourceId = engine.getRepositoryService().getDeploymentResources(earlier.getId()).get(0).getId();
        HttpResponse<String> byId = redeploy(earlier.getId(),
                "{\"resourceIds\": [\"" + resourceId + "\"], \"source\": \"redeploy-" + suffix + "\"}");
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(400);
        HttpResponse<String> byName = redeploy(earlier.getId(),
                "{\"resourceNames\": [\"supplier-selection.dmn\"], \"source\": \"redeploy-" + suffix + "\"}");
        assertThat(byName.statusCode()).as(byName.body()).isEqualTo(400);
        assertThat(decisionVersions()).as("nothing deployed").isEqualTo(before);
    }

    @Test
    void aRedeployOfATableTheChecksAcceptIsDeployed() throws Exception {
        Deployment earlier = engine.getRepositoryService().createDeployment().name("earlier-" + suffix)
                .addString("supplier-selection.dmn", Files.readString(Path.of("bpmn", "supplier-selection.dmn"))).deploy();
        int before = decisionVersions();

        HttpResponse<String> answer = redeploy(earlier.getId(), "{\"source\": \"redeploy-" + suffix + "\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(decisionVersions()).isEqualTo(before + 1);
    }

    private int decisionVersions() {
        return (int) engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("supplier_selection")
                .count();
    }

    private HttpResponse<String> redeploy(String deployment, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/"
                        + deployment + "/redeploy"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
