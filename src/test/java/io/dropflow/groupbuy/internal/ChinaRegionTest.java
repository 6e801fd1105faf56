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
    /**
     * Exploratory test s18 (H11): a seller's address export writes "Guangdong Province", "Beijing Shi", "Nei Menggu" or
     * pinyin with tone marks; each is clearly one region and was refused. The type of division after the name (in
     * English or pinyin), tone marks and invisible characters are set aside; "Shǎnxī" (third tone, 陕西) is Shaanxi,
     * "Shānxī" (山西) is Shanxi, as the tones tell them apart.
     */
    @Test
    void commonEnglishAndPinyinSpellingsWithTheKindOfRegionOrToneMarksAreThatRegion() {
        java.util.Map<String, ChinaRegion> spellings = new java.util.LinkedHashMap<>();
        spellings.put("Guangdong Province", ChinaRegion.GUANGDONG);
        spellings.put("Guangdong Sheng", ChinaRegion.GUANGDONG);
        spellings.put("guangdongsheng", ChinaRegion.GUANGDONG);
        spellings.put("Beijing Municipality", ChinaRegion.BEIJING);
        spellings.put("Beijing Shi", ChinaRegion.BEIJING);
        spellings.put("Beijing City", ChinaRegion.BEIJING);
        spellings.put("Guangxi Zhuangzu Zizhiqu", ChinaRegion.GUANGXI);
        spellings.put("Guangxi Autonomous Region", ChinaRegion.GUANGXI);
        spellings.put("Xizang Zizhiqu", ChinaRegion.TIBET);
        spellings.put("Xinjiang Weiwuer Zizhiqu", ChinaRegion.XINJIANG);
        spellings.put("Ningxia Huizu Zizhiqu", ChinaRegion.NINGXIA);
        spellings.put("Nei Menggu", ChinaRegion.INNER_MONGOLIA);
        spellings.put("Neimenggu", ChinaRegion.INNER_MONGOLIA);
        spellings.put("Nèi Měnggǔ Zìzhìqū", ChinaRegion.INNER_MONGOLIA);
        spellings.put("Xīnjiāng", ChinaRegion.XINJIANG);
        spellings.put("Guǎngdōng Shěng", ChinaRegion.GUANGDONG);
        spellings.put("Shǎnxī", ChinaRegion.SHAANXI);
        spellings.put("Shǎnxī Shěng", ChinaRegion.SHAANXI);
        spellings.put("Shānxī", ChinaRegion.SHANXI);
        spellings.put("Macau SAR", ChinaRegion.MACAO);
        spellings.put("Àomén", ChinaRegion.MACAO);
        spellings.put("Hong Kong SAR China", ChinaRegion.HONG_KONG);
        spellings.put("Hong Kong SAR, China", ChinaRegion.HONG_KONG);
        spellings.put("Hong Kong Special Administrative Region", ChinaRegion.HONG_KONG);
        spellings.put("Xiānggǎng", ChinaRegion.HONG_KONG);
        spellings.put("Xinjiang\u200b", ChinaRegion.XINJIANG);
        spellings.put("\ufeffShanghai Municipality", ChinaRegion.SHANGHAI);
        spellings.put("Anhui Province", ChinaRegion.ANHUI);
        spellings.put("Ningxia Hui", ChinaRegion.NINGXIA);
        spellings.forEach((spelling, region) -> assertThat(ChinaRegion.of(spelling)).as(spelling).contains(region));

        // the kind of region is set aside from a name, not from a code or from nothing
        for (String none : new String[] {"GD Province", "CN-BJ Shi", "Province", "Sheng", "SAR China", "China", "Shi",
            "Urumqi City", "Anhu", "An"}) {
            assertThat(ChinaRegion.of(none)).as(none).isEmpty();
        }
    }
}
