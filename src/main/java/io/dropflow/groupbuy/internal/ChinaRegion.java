package io.dropflow.groupbuy.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * China's provincial-level divisions (ISO 3166-2:CN), the region of a pickup point in country CN: reference data, not an
 * analyst's number. A pickup point's region is an input of group-buy-cutoff.dmn, which matches the English name exactly
 * ("Xinjiang", "Tibet", "Qinghai" close earlier): a region typed as "新疆", "xinjiang", "CN-XJ" or "Xinjiang Uygur
 * Autonomous Region" matched nothing and got the default terms (exploratory test s16, defect 5). Each is stored as its
 * {@link #english} name ({@link #asStored}); a region of CN that is none of these is refused, naming them, and the table's
 * rows name them so too ({@link CutoffTableRegions}).
 */
enum ChinaRegion {
    ANHUI("AH", "Anhui", "安徽", "安徽省"),
    BEIJING("BJ", "Beijing", "北京", "北京市"),
    CHONGQING("CQ", "Chongqing", "重庆", "重庆市"),
    FUJIAN("FJ", "Fujian", "福建", "福建省"),
    GANSU("GS", "Gansu", "甘肃", "甘肃省"),
    GUANGDONG("GD", "Guangdong", "广东", "广东省"),
    GUANGXI("GX", "Guangxi", "广西", "广西壮族自治区", "Guangxi Zhuang Autonomous Region"),
    GUIZHOU("GZ", "Guizhou", "贵州", "贵州省"),
    HAINAN("HI", "Hainan", "海南", "海南省"),
    HEBEI("HE", "Hebei", "河北", "河北省"),
    HEILONGJIANG("HL", "Heilongjiang", "黑龙江", "黑龙江省"),
    HENAN("HA", "Henan", "河南", "河南省"),
    HONG_KONG("HK", "Hong Kong", "香港", "香港特别行政区", "Hongkong", "Hong Kong SAR", "Xianggang"),
    HUBEI("HB", "Hubei", "湖北", "湖北省"),
    HUNAN("HN", "Hunan", "湖南", "湖南省"),
    INNER_MONGOLIA("NM", "Inner Mongolia", "内蒙古", "内蒙古自治区", "Nei Mongol", "Inner Mongolia Autonomous Region",
            "Nei Menggu"),
    JIANGSU("JS", "Jiangsu", "江苏", "江苏省"),
    JIANGXI("JX", "Jiangxi", "江西", "江西省"),
    JILIN("JL", "Jilin", "吉林", "吉林省"),
    LIAONING("LN", "Liaoning", "辽宁", "辽宁省"),
    MACAO("MO", "Macao", "澳门", "澳门特别行政区", "Macau", "Macao SAR", "Aomen"),
    NINGXIA("NX", "Ningxia", "宁夏", "宁夏回族自治区", "Ningxia Hui Autonomous Region"),
    QINGHAI("QH", "Qinghai", "青海", "青海省"),
    SHAANXI("SN", "Shaanxi", "陕西", "陕西省"),
    SHANDONG("SD", "Shandong", "山东", "山东省"),
    SHANGHAI("SH", "Shanghai", "上海", "上海市"),
    SHANXI("SX", "Shanxi", "山西", "山西省"),
    SICHUAN("SC", "Sichuan", "四川", "四川省"),
    TAIWAN("TW", "Taiwan", "台湾", "台湾省", "臺灣"),
    TIANJIN("TJ", "Tianjin", "天津", "天津市"),
    TIBET("XZ", "Tibet", "西藏", "西藏自治区", "Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"),
    XINJIANG("XJ", "Xinjiang", "新疆", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region",
            "Xinjiang Uyghur Autonomous Region"),
    YUNNAN("YN", "Yunnan", "云南", "云南省"),
    ZHEJIANG("ZJ", "Zhejiang", "浙江", "浙江省");

    /** The country whose pickup points name one of these regions. */
    static final String COUNTRY = "CN";

    /** The code after "CN-" in ISO 3166-2. */
    final String code;
    /** The name stored and read by group-buy-cutoff.dmn. */
    final String english;
    /** The short Chinese name. */
    final String chinese;
    private final List<String> otherNames;

    private static final Map<String, ChinaRegion> BY_SPELLING = new HashMap<>();
    /** The names alone (no ISO code), which a kind of region may follow ("Guangdong Province", not "GD Province"). */
    private static final Map<String, ChinaRegion> BY_NAME = new HashMap<>();

    static {
        for (ChinaRegion region : values()) {
            Stream.concat(Stream.of(region.english, region.chinese), region.otherNames.stream())
                    .forEach(name -> BY_NAME.put(key(name), region));
            Stream.of(region.code, "CN-" + region.code).forEach(code -> BY_SPELLING.put(key(code), region));
        }
        for (Map.Entry<String, ChinaRegion> name : BY_NAME.entrySet()) {
            BY_SPELLING.put(name.getKey(), name.getValue());
        }
    }

    /**
     * What a seller's address export writes after a region's name, as the key spells it (no spaces, lower case, no tone
     * marks): the country ("Hong Kong SAR, China"), the kind of division in English or pinyin ("Province", "Sheng",
     * "Municipality", "Shi", "Autonomous Region", "Zizhiqu", "SAR", "Tebie Xingzhengqu") and the people an autonomous
     * region is named for ("Guangxi Zhuangzu Zizhiqu", "Xinjiang Weiwuer Zizhiqu", "Ningxia Hui"). Each is set aside
     * from the end, one after another, while what is left is no name of a region (exploratory test s18, H11).
     */
    private static final List<String> KINDS = List.of("china", "prc", "specialadministrativeregion", "tebiexingzhengqu",
            "sar", "autonomousregion", "zizhiqu", "province", "sheng", "municipality", "shi", "city", "uygur", "uyghur",
            "weiwuerzu", "weiwuer", "zhuangzu", "zhuang", "huizu", "hui");

    ChinaRegion(String code, String english, String chinese, String... otherNames) {
        this.code = code;
        this.english = english;
        this.chinese = chinese;
        this.otherNames = List.of(otherNames);
    }

    /**
     * The region so spelled: its English, pinyin or Chinese name (short or full, with or without tone marks), a name
     * followed by its kind of division ("Guangdong Province", "Beijing Shi", "Macau SAR"), its ISO code with or without
     * "CN-", any case.
     */
    static Optional<ChinaRegion> of(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String key = key(spelling);
        ChinaRegion region = BY_SPELLING.get(key);
        // "Guangdong Province", "Beijing Shi", "Xinjiang Weiwuer Zizhiqu", "Hong Kong SAR China": a name and its kind
        for (boolean shorter = true; region == null && shorter; ) {
            shorter = false;
            for (String kind : KINDS) {
                if (key.length() > kind.length() && key.endsWith(kind)) {
                    key = key.substring(0, key.length() - kind.length());
                    region = BY_NAME.get(key);
                    shorter = true;
                    break;
                }
            }
        }
        return Optional.ofNullable(region);
    }

    /**
     * The Traditional Chinese characters of these names and their simplified forms, so that "新疆維吾爾自治區", "廣東" or
     * "內蒙古" is the region "新疆维吾尔自治区", "广东", "内蒙古" is (explore s17, defect 5).
     */
    private static final String TRADITIONAL = "慶肅廣東壯區貴龍別內蘇遼寧門陝灣臺雲維爾";
    private static final String SIMPLIFIED = "庆肃广东壮区贵龙别内苏辽宁门陕湾台云维尔";

    /**
     * Case, width ("ＣＮ－ＸＪ"), hyphens, spaces, commas, a trailing full stop, invisible characters (a zero-width space),
     * pinyin's tone marks ("Xīnjiāng") and Traditional or simplified characters aside. The tone marks tell 陕西 "Shǎnxī"
     * from 山西 "Shānxī": the third tone's "Shǎn" is written "Shaan" first, as the English name Shaanxi does
     * (exploratory test s18, H11).
     */
    private static String key(String spelling) {
        String folded = Normalizer.normalize(spelling, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\p{Cf}+", "").replace("shǎn", "shaan");
        String key = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "")
                .replaceAll("[\\s\\-_.,·]+", "");
        StringBuilder simplified = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            int at = TRADITIONAL.indexOf(c);
            simplified.appendCodePoint(at < 0 ? c : SIMPLIFIED.codePointAt(at));
        });
        return simplified.toString();
    }

    /** "Anhui (安徽, CN-AH), Beijing (北京, CN-BJ), …": the regions, for a refusal. */
    static String listed() {
        return Arrays.stream(values()).map(r -> r.english + " (" + r.chinese + ", CN-" + r.code + ")")
                .collect(Collectors.joining(", "));
    }

    /** "Anhui, Beijing, …": the regions as points store them and group-buy-cutoff.dmn names them. */
    static String storedNames() {
        return Arrays.stream(values()).map(r -> r.english).collect(Collectors.joining(", "));
    }

    /** Whether a pickup point in this country names one of these regions. */
    static boolean in(String country) {
        return country != null && COUNTRY.equalsIgnoreCase(country.trim());
    }

    /**
     * A pickup point's region as it is stored and group-buy-cutoff.dmn reads it, the one lookup of both: in China a known
     * spelling's English name ("Xinjiang" for "新疆", "xinjiang", "CN-XJ"), and for a region of China that is none what
     * {@code unknown} makes of it (a refusal, or the region as a point stored before regions were checked keeps it);
     * elsewhere, and a blank region, as given.
     */
    static String asStored(String country, String region, UnaryOperator<String> unknown) {
        if (!in(country) || region == null || region.isBlank()) {
            return region;
        }
        return of(region).map(r -> r.english).orElseGet(() -> unknown.apply(region));
    }
}
