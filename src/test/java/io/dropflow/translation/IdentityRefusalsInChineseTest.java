package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.security.PasswordPolicyWords;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Camunda Admin in Chinese showed Dropflow's refusals of a password (PasswordPolicyRefused) and of a user, group or
 * tenant id (ResourceIdRefused) in English: "The password breaks the password policy: it lacks …", "The user id li-na
 * is refused: …". Each reads in Chinese, the rules a password breaks too, in every combination the policy names; the
 * id sent and the engine's pattern kept as they are.
 */
class IdentityRefusalsInChineseTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");

    /** As PasswordPolicyRefused writes its refusal, around the rules the engine's default policy finds broken. */
    private static String refusal(String password, String userId) {
        UserEntity user = new UserEntity(userId);
        user.setFirstName("Mary");
        user.setLastName("Major");
        String rules = PasswordPolicyWords.brokenRules(new DefaultPasswordPolicyImpl(), password, user, "id, name or email")
                .orElseThrow();
        return "The password breaks the password policy: " + rules
                + " (GET /engine-rest/identity/password-policy lists the rules)";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc | 缺少至少 10 个字符、大写字母、数字、特殊字符（既非字母也非数字）",
            "alllowercase | 缺少大写字母、数字、特殊字符（既非字母也非数字）",
            "Correct-Horse | 缺少数字",
            "Mary-Major-2026 | 包含用户的ID、姓名或电子邮件",
            "mary-major-2026 | 缺少大写字母；包含用户的ID、姓名或电子邮件",
            "marymajor2026 | 缺少大写字母、特殊字符（既非字母也非数字）；包含用户的ID、姓名或电子邮件",
            "mary | 缺少至少 10 个字符、大写字母、数字、特殊字符（既非字母也非数字）；包含用户的ID、姓名或电子邮件"})
    void aPasswordRefusedReadsInChineseWithTheRulesItBreaks(String password, String rules) {
        String english = refusal(password, "mary");

        assertThat(CHINESE.findMessage(english)).as(english)
                .hasValue("密码不符合密码策略：" + rules + "（各项规则见 GET /engine-rest/identity/password-policy）");
    }

    @Test
    void aPasswordSentAsANumberOrTrueOrFalseReadsInChinese() {
        assertThat(CHINESE.findMessage("The password must be a text (a JSON string), not a number"))
                .hasValue("密码必须是文本（JSON 字符串），不能是数字");
        assertThat(CHINESE.findMessage("The password must be a text (a JSON string), not a boolean"))
                .hasValue("密码必须是文本（JSON 字符串），不能是布尔值");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "user | li-na | 用户",
            "group | pick-ers | 分组",
            "tenant | shop-a | 租户"})
    void anIdRefusedReadsInChineseWithTheIdAndTheRuleKept(String kind, String id, String chinese) {
        String rule = "[a-zA-Z0-9]+|camunda-admin";
        String named = "The " + kind + " id " + id + " is refused: an id may have only the characters 0-9, A-Z, a-z;"
                + " the engine takes " + kind + " ids that match " + rule;
        String alone = "The " + kind + " id " + id + " is refused: the engine takes " + kind + " ids that match " + rule;

        assertThat(CHINESE.findMessage(named)).hasValue(chinese + " ID " + id + " 不被接受：ID 只能包含字符 0-9, A-Z, a-z；"
                + "引擎只接受符合 " + rule + " 的" + chinese + " ID");
        assertThat(CHINESE.findMessage(alone)).hasValue(chinese + " ID " + id + " 不被接受：引擎只接受符合 " + rule + " 的"
                + chinese + " ID");
    }

    /** s18 (H1, H2, H12): no id, a member that is not there, no password: Camunda Admin in Chinese reads them in Chinese. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The user id is missing: send the id as a text (a JSON string) | 缺少用户 ID：请以文本（JSON 字符串）发送 ID",
            "The tenant id is missing: send the id as a text (a JSON string) | 缺少租户 ID：请以文本（JSON 字符串）发送 ID",
            "There is no user li-na: create it first, then add the membership | 不存在用户 li-na：请先创建它，再添加成员关系",
            "There is no group no such: create it first, then add the membership | 不存在分组 no such：请先创建它，再添加成员关系",
            "There is no tenant shopA: create it first, then add the membership | 不存在租户 shopA：请先创建它，再添加成员关系",
            "The password is missing: send it as a text (a JSON string) | 缺少密码：请以文本（JSON 字符串）发送"})
    void noIdAMemberNotThereAndNoPasswordReadInChinese(String english, String chinese) {
        assertThat(CHINESE.findMessage(english)).as(english).hasValue(chinese);
    }

    /** As the operator-language filter answers Camunda Admin: the engine API's error shape, its message in Chinese. */
    @Test
    void theEngineApisErrorAnswerCarriesTheChinese() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] answer = json.writeValueAsBytes(java.util.Map.of("type", "InvalidRequestException", "message",
                "The user id li-na is refused: an id may have only the characters 0-9, A-Z, a-z; the engine takes user ids"
                        + " that match [a-zA-Z0-9]+|camunda-admin"));

        byte[] chinese = new EngineApiResponses(json).translateError(answer, CHINESE).orElseThrow();

        assertThat(json.readTree(chinese).path("message").asText()).startsWith("用户 ID li-na 不被接受：");
        assertThat(json.readTree(chinese).path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(new String(chinese, StandardCharsets.UTF_8)).doesNotContain("is refused");
    }
}
