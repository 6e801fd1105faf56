package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Camunda's REST API refuses a value that does not convert to its variable's type, or a query parameter that
 * does not convert to its own ("Cannot convert value 'abc' of type 'Long' to java type java.lang.Long"), with
 * the wording of Camunda 7.24's engine-rest ({@code VariableValueDto}, {@code JacksonAwareStringToTypeConverter},
 * {@code DateConverter}, {@code PeriodUnitConverter}). A Chinese-reading operator reads it in Chinese: the type
 * in plain words, the value as it was sent, never translated, last.
 */
class UnconvertibleValuesInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    /** An English word left in a translation: three letters or more. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z_]{3,}");

    private static String chinese(String english) {
        return CHINESE.findMessage(english).orElseThrow(() -> new AssertionError("no Chinese for: " + english));
    }

    /** As VariableValueDto writes it: the value and the type as sent, and the Java type it did not convert to. */
    private static String variable(Object value, String type, Class<?> javaType) {
        return String.format("Cannot convert value '%s' of type '%s' to java type %s", value, type, javaType.getName());
    }

    @Test
    void aVariablesValueThatDoesNotConvertNamesItsTypeInWordsAndKeepsTheValue() {
        assertThat(chinese(variable("abc", "Long", Long.class))).isEqualTo("填写的值应为整数（类型 Long），收到的是 'abc'");
        assertThat(chinese(variable("1.5", "Integer", Integer.class))).isEqualTo("填写的值应为整数（类型 Integer），收到的是 '1.5'");
        assertThat(chinese(variable("40000", "Short", Short.class)))
                .isEqualTo("填写的值应为 -32768 到 32767 之间的整数（类型 Short），收到的是 '40000'");
        assertThat(chinese(variable("abc", "Double", Double.class))).isEqualTo("填写的值应为数字（可带小数）（类型 Double），收到的是 'abc'");
        assertThat(chinese(variable("yes", "Boolean", Boolean.class)))
                .isEqualTo("填写的值应为“是”或“否”（true 或 false）（类型 Boolean），收到的是 'yes'");
        assertThat(chinese(variable("2026-12-06", "Date", java.util.Date.class)))
                .isEqualTo("填写的值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800）（类型 Date），收到的是 '2026-12-06'");
        assertThat(chinese(variable("abc", "long", Long.class))).as("the type as sent, lower-cased")
                .isEqualTo("填写的值应为整数（类型 long），收到的是 'abc'");
        assertThat(chinese(variable("x", "Bytes", byte[].class))).isEqualTo("填写的值应为 Base64 编码的二进制数据（类型 Bytes），收到的是 'x'");
        assertThat(chinese(variable("abc", "Number", Number.class))).isEqualTo("填写的值应为数字（类型 Number），收到的是 'abc'");
    }

    /** The value is what a person sent: a display word, a code, a list or a sentence is kept as it was. */
    @Test
    void theValueIsKeptVerbatimWhateverItLooksLike() {
        assertThat(chinese(variable(List.of(1, 2), "Long", Long.class))).endsWith("收到的是 '[1, 2]'");
        assertThat(chinese(variable("Shipped, Delivered", "Long", Long.class))).endsWith("收到的是 'Shipped, Delivered'");
        assertThat(chinese(variable("OUT_OF_STOCK", "Integer", Integer.class))).endsWith("收到的是 'OUT_OF_STOCK'");
        assertThat(chinese(variable("Parcel never arrived", "Long", Long.class))).endsWith("收到的是 'Parcel never arrived'");
        assertThat(chinese(variable("it's 5 of type 'Long'", "Long", Long.class)))
                .isEqualTo("填写的值应为整数（类型 Long），收到的是 'it's 5 of type 'Long''");
        // the reviewer's case: the value carries the message's own words; the Java type is a class name, so it stays whole
        assertThat(chinese(variable("5' of type 'B' to java type C", "Long", Long.class)))
                .isEqualTo("填写的值应为整数（类型 Long），收到的是 '5' of type 'B' to java type C'");
        assertThat(chinese("Cannot convert value 5 to java type X to java type java.lang.Integer"))
                .isEqualTo("参数值应为整数，收到的是 5 to java type X");
        assertThat(chinese(variable(" ", "Long", Long.class))).endsWith("收到的是 ' '");
        assertThat(chinese(variable("", "Long", Long.class))).endsWith("收到的是 ''");
        assertThat(chinese(variable("a\nb", "Long", Long.class))).endsWith("收到的是 'a\nb'");
    }

    /** As the engine API answers: what it could not do, with the task or variable, then why. */
    @Test
    void whatTheEngineApiCouldNotDoReadsInChineseAroundIt() {
        String why = variable("abc", "Long", Long.class);
        assertThat(chinese("Cannot submit task form t-17: " + why)).isEqualTo("无法提交任务 t-17 的表单：填写的值应为整数（类型 Long），收到的是 'abc'");
        assertThat(chinese("Cannot complete task t-17: " + why)).isEqualTo("无法完成任务 t-17：填写的值应为整数（类型 Long），收到的是 'abc'");
        assertThat(chinese("Cannot put task variable SHIPPED: " + why)).isEqualTo("无法设置任务变量 SHIPPED：填写的值应为整数（类型 Long），收到的是 'abc'");
        assertThat(chinese("Cannot put process instance variable count: " + why)).startsWith("无法设置流程实例变量 count：填写的值应为整数");
        assertThat(chinese("Cannot modify variables for task t-17: " + why)).startsWith("无法修改任务 t-17 的变量：填写的值应为整数");
        assertThat(chinese("Cannot modify variables for process instance p-1: " + why)).startsWith("无法修改流程实例 p-1 的变量：");
        assertThat(chinese("Cannot put execution variable count: " + why)).startsWith("无法设置执行变量 count：填写的值应为整数");
        // a conversion in a modification (POST …/variables) names the kind of thing, not its id
        assertThat(chinese("Cannot modify variables for task: " + why)).isEqualTo("无法修改任务的变量：填写的值应为整数（类型 Long），收到的是 'abc'");
        assertThat(chinese("Cannot modify variables for process instance: " + why)).startsWith("无法修改流程实例的变量：填写的值应为整数");
        assertThat(chinese("Cannot modify variables for execution: " + why)).startsWith("无法修改执行的变量：填写的值应为整数");
        assertThat(chinese("Cannot instantiate process definition order_fulfillment:3:d-1: " + why))
                .startsWith("无法启动流程定义 order_fulfillment:3:d-1：填写的值应为整数");
        assertThat(chinese("Cannot set query parameter 'dueAfter' to value 'tomorrow': Cannot convert value \"tomorrow\" to java"
                + " type java.util.Date")).isEqualTo("查询参数 dueAfter 不能设为 'tomorrow'：参数值应为日期和时间（格式如"
                + " 2026-12-06T09:30:00.000+0800），收到的是 \"tomorrow\"");
        // why the engine could not do it has no Chinese: the whole answer stays as the engine wrote it
        assertThat(CHINESE.findMessage("Cannot submit task form t-17: something else went wrong")).isEmpty();
    }

    /** A query parameter (a list's page size, a due date) that does not convert: the value as Camunda wrote it. */
    @Test
    void aQueryParameterThatDoesNotConvertReadsInChineseToo() {
        assertThat(chinese("Cannot convert value abc to java type java.lang.Integer")).isEqualTo("参数值应为整数，收到的是 abc");
        assertThat(chinese("Cannot convert value \"tomorrow\" to java type java.util.Date"))
                .isEqualTo("参数值应为日期和时间（格式如 2026-12-06T09:30:00.000+0800），收到的是 \"tomorrow\"");
        assertThat(chinese("Cannot convert value \"2026-12-06 to java type java.util.Date because of double quotes"))
                .isEqualTo("参数值不能带双引号，应为日期和时间（格式如 2026-12-06T09:30:00.000+0800），收到的是 \"2026-12-06");
        assertThat(chinese("Cannot convert value WEEK to java enum type org.camunda.bpm.engine.query.PeriodUnit"))
                .isEqualTo("参数值应为报表的时间单位（MONTH 或 QUARTER），收到的是 WEEK");
    }

    @Test
    void nothingButTheValueAndTheTypeAsSentStaysEnglish() {
        for (Class<?> type : List.of(Long.class, Integer.class, Short.class, Double.class, Boolean.class,
                java.util.Date.class, Number.class, String.class, byte[].class)) {
            String english = variable("zz", "X", type);
            assertThat(englishIn(chinese(english), "zz", "true", "false", "Base64", "MONTH", "QUARTER")).as(english).isEmpty();
        }
    }

    /** A Java type Camunda may name that Dropflow has no words for is kept as it wrote it, not taken for another. */
    @Test
    void aJavaTypeWithoutWordsIsKeptAsWritten() {
        assertThat(chinese(variable("abc", "Xml", java.math.BigDecimal.class)))
                .isEqualTo("填写的值应为java.math.BigDecimal（类型 Xml），收到的是 'abc'");
    }

    private static List<String> englishIn(String chinese, String... kept) {
        String rest = chinese;
        for (String word : kept) {
            rest = rest.replace(word, "");
        }
        List<String> words = new java.util.ArrayList<>();
        Matcher word = ENGLISH.matcher(rest);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
