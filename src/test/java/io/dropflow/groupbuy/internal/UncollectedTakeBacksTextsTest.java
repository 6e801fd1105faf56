package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnAnswerEvent.Answer;
import io.dropflow.translation.OperatorTexts;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a take-back answer writes on the timelines and in the operator's task reads in Chinese too (D3). */
class UncollectedTakeBacksTextsTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    private static final String NUMBER = "DF-B6-PO1-UNCOLLECTED";

    @Test
    void everyAnswersTimelineLineAndTaskHaveChinese() {
        for (Answer answer : Answer.values()) {
            assertThat(CHINESE.findMessage(UncollectedTakeBacks.timelineLine("ACME", NUMBER, answer)))
                    .as(answer.name()).hasValueSatisfying(zh -> assertThat(zh).contains("ACME", NUMBER));
            for (String reason : new String[] {null, "keep the item, we refund half"}) {
                ReturnAnswerEvent event = new ReturnAnswerEvent("e1", NUMBER, 1, answer,
                        answer == Answer.ALTERNATIVE ? new BigDecimal("6.00") : null, null, reason);
                String why = UncollectedTakeBacks.why("ACME", NUMBER, "1 × DEMO-MUG", event);
                assertThat(CHINESE.findMessage(why)).as(why).hasValueSatisfying(zh -> assertThat(zh).contains(NUMBER));
            }
        }
        ReturnAnswerEvent share = new ReturnAnswerEvent("e2", NUMBER, 1, Answer.ALTERNATIVE, null,
                new BigDecimal("0.5"), null);
        assertThat(CHINESE.findMessage(UncollectedTakeBacks.why("ACME", NUMBER, "1 × DEMO-MUG", share))).isPresent();
    }
}
