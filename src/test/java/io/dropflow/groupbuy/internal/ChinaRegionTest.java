package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChinaRegionTest {

    @Test
    void everySpellingOfARegionIsThatRegion() {
        for (String spelling : new String[] {"Xinjiang", "XINJIANG", "xinjiang", "新疆", "新疆维吾尔自治区", "CN-XJ", "cn-xj",
            "XJ", "Xinjiang Uygur Autonomous Region", " Xinjiang "}) {
            assertThat(ChinaRegion.of(spelling)).as(spelling).contains(ChinaRegion.XINJIANG);
        }
        assertThat(ChinaRegion.of("Xizang")).contains(ChinaRegion.TIBET);
        assertThat(ChinaRegion.of("Shaanxi")).contains(ChinaRegion.SHAANXI);
        assertThat(ChinaRegion.of("Shanxi")).contains(ChinaRegion.SHANXI);
        assertThat(ChinaRegion.of("Atlantis")).isEmpty();
        assertThat(ChinaRegion.values()).hasSize(34);
        assertThat(Arrays.stream(ChinaRegion.values()).map(r -> r.code).distinct()).hasSize(34);
    }

    /** The one lookup a point's stored region and the table's input both go through. */
    @Test
    void aRegionIsStoredAsItsEnglishNameInChinaAndAsGivenElsewhere() {
        assertThat(ChinaRegion.asStored("CN", "新疆", unknown -> "?")).isEqualTo("Xinjiang");
        assertThat(ChinaRegion.asStored(" cn ", "xz", unknown -> "?")).isEqualTo("Tibet");
        assertThat(ChinaRegion.asStored("CN", "Urumqi", unknown -> "kept " + unknown)).isEqualTo("kept Urumqi");
        assertThat(ChinaRegion.asStored("DE", "新疆", unknown -> "?")).isEqualTo("新疆");
        assertThat(ChinaRegion.asStored(null, "Bayern", unknown -> "?")).isEqualTo("Bayern");
        assertThat(ChinaRegion.asStored("CN", " ", unknown -> "?")).isEqualTo(" ");
        assertThat(ChinaRegion.asStored("CN", null, unknown -> "?")).isNull();
    }
    /** Explore s17, defect 5 (low): a seller typing in Traditional Chinese names the same regions. */
    @Test
    void traditionalChineseNamesAreTheSameRegions() {
        assertThat(ChinaRegion.of("新疆維吾爾自治區")).contains(ChinaRegion.XINJIANG);
        assertThat(ChinaRegion.of("廣東")).contains(ChinaRegion.GUANGDONG);
        assertThat(ChinaRegion.of("內蒙古自治區")).contains(ChinaRegion.INNER_MONGOLIA);
        assertThat(ChinaRegion.of("陝西省")).contains(ChinaRegion.SHAANXI);
        assertThat(ChinaRegion.of("澳門特別行政區")).contains(ChinaRegion.MACAO);
        assertThat(ChinaRegion.of("台灣")).contains(ChinaRegion.TAIWAN);
        assertThat(ChinaRegion.of("黑龍江")).contains(ChinaRegion.HEILONGJIANG);
        assertThat(ChinaRegion.of("重慶市")).contains(ChinaRegion.CHONGQING);
    }
}
