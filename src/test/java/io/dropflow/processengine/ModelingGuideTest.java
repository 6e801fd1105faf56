package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.process.OrderFulfillmentProcess;
import io.dropflow.support.DropflowTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps docs/modeling.md and the models honest against the code: every bean a model names exists
 * exactly once and is in the guide, and every process variable of the code is in the guide.
 */
@DropflowTest
class ModelingGuideTest {

    /** ${bean} and ${bean.method(...)}: the first identifier of an expression. */
    private static final Pattern BEAN = Pattern.compile("(?:delegateExpression|expression)=\"\\$\\{(\\w+)");
    /** Identifiers the engine itself provides inside expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "dateTime", "now", "currentUser",
            "currentUserGroups");

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    private static String guide() throws IOException {
        return Files.readString(Path.of("docs", "modeling.md"));
    }

    private static Set<String> beansNamedByModels() throws IOException {
        Set<String> beans = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = BEAN.matcher(Files.readString(model));
                while (m.find()) {
                    if (!ENGINE_NAMES.contains(m.group(1))) {
                        beans.add(m.group(1));
                    }
                }
            }
        }
        return beans;
    }

    @Test
    void everyBeanAModelNamesExistsOnceAndIsInTheGuide() throws IOException {
        Set<String> beans = beansNamedByModels();
        assertThat(beans).as("beans named by models").contains("forwardPurchaseOrder", "orderStatus");
        String guide = guide();
        for (String bean : beans) {
            assertThat(context.containsBean(bean)).as("bean " + bean + " exists").isTrue();
            assertThat(context.getBeanFactory().getAliases(bean)).as("bean " + bean + " is not an alias").isEmpty();
            assertThat(guide).as("docs/modeling.md lists bean " + bean).contains("`" + bean + "`");
        }
    }

    @Test
    void everyProcessVariableIsInTheGuide() throws IllegalAccessException, IOException {
        String guide = guide();
        List<Field> fields = new java.util.ArrayList<>(List.of(OrderFulfillmentProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.order.process.ConsumerDelayNoticeProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.aftersales.process.AfterSalesParcelProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.claim.process.DefectClaimProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.returns.process.ReturnNegotiationProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.onboarding.process.SupplierOnboardingProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.onboarding.process.OnboardingPapersProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.groupbuy.process.GroupBuyBatchProcess.class.getDeclaredFields()));
        fields.addAll(List.of(io.dropflow.groupbuy.process.GroupBuyPurchaseProcess.class.getDeclaredFields()));
        for (Field field : fields) {
            // Every backing class names its variables as typed ProcessVariable constants.
            String variable = !Modifier.isStatic(field.getModifiers()) ? null
                    : field.getType() == ProcessVariable.class ? ((ProcessVariable<?>) field.get(null)).name()
                    : null;
            if (variable != null) {
                assertThat(guide).as("docs/modeling.md lists variable " + variable).contains("`" + variable + "`");
            }
        }
    }
}
