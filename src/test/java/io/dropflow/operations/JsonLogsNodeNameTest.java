package io.dropflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Exploratory s16 ops, 8: with two nodes on one database every JSON log line read {@code "service":{"node":{}}}; the
 * json-logs profile names the node (ECS service.node.name) from DROPFLOW_NODE_NAME, else HOSTNAME.
 */
class JsonLogsNodeNameTest {

    private static String nodeName(Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("json-logs", new ClassPathResource("application-json-logs.yaml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return environment.getProperty("logging.structured.ecs.service.node-name");
    }

    @Test
    void theNodeIsNamedFromItsVariableElseItsHostName() throws Exception {
        assertThat(nodeName(Map.of("HOSTNAME", "dropflow-7c9f"))).isEqualTo("dropflow-7c9f");
        assertThat(nodeName(Map.of("HOSTNAME", "dropflow-7c9f", "DROPFLOW_NODE_NAME", "node-2"))).isEqualTo("node-2");
    }
}
