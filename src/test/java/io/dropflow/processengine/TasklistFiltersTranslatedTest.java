package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.translation.OperatorTexts;
import org.junit.jupiter.api.Test;

/** The Tasklist filters Dropflow creates read in Chinese too: their names and descriptions have entries. */
class TasklistFiltersTranslatedTest {

    @Test
    void everyFiltersNameAndDescriptionHasAChineseEntry() {
        assertThat(OperatorTexts.of("zh").missing(TasklistFilters.OPERATOR_TEXTS))
                .as("filter texts without a Chinese entry in forms/i18n/operator-texts.zh.json").isEmpty();
    }
}
