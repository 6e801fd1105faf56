package io.dropflow.carrier.kuaidi100;

import io.dropflow.carrier.TrackingStatus;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuaidi100's {@code state} codes (快递100 物流状态) and its detailed codes (高级物流状态) in our status set.
 * The detailed codes come when the subscription and the real-time query ask for them with {@code resultv2=4}
 * ("开通行政解析功能以及物流轨迹增加物流高级状态名称、状态值": Kuaidi100's 订阅推送 and 实时快递查询 pages,
 * https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c and …/5f0ffb5ebc8da837cbd8aefc, and its own SDK
 * kuaidi100-api/java-demo, SubscribeParameters.resultv2 and QueryTrackParam.resultv2): the parcel's {@code state}
 * and each record's {@code statusCode} then carry the detailed code. A detailed code belongs to a main state
 * (Kuaidi100's table "物流状态值 / 高级物流状态值"): 101–103 to 1 揽收, 1001–1003 to 0 在途, 501 to 5 派件,
 * 301–304 to 3 签收, 401 to 4 退签, 201–210 to 2 疑难. A code not in the table (a newer one) counts as its main
 * state, read from the number as the table forms them; one that fits no main state counts as in transit.
 */
public final class Kuaidi100States {

    private static final Logger log = LoggerFactory.getLogger(Kuaidi100States.class);

    /** 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投, 8 清关, 10 待清关, 11 清关中, 12 已清关, 13 清关异常, 14 拒签. */
    static final Map<String, TrackingStatus> STATES = Map.ofEntries(
            Map.entry("0", TrackingStatus.IN_TRANSIT),        // in transit
            Map.entry("1", TrackingStatus.INFO_RECEIVED),     // picked up by the carrier
            Map.entry("2", TrackingStatus.EXCEPTION),         // problem parcel
            Map.entry("3", TrackingStatus.DELIVERED),         // signed for
            Map.entry("4", TrackingStatus.RETURNED),          // returned to and signed by the sender
            Map.entry("5", TrackingStatus.OUT_FOR_DELIVERY),  // out for delivery
            Map.entry("6", TrackingStatus.RETURNED),          // on its way back to the sender
            Map.entry("7", TrackingStatus.IN_TRANSIT),        // forwarded to another carrier
            Map.entry("8", TrackingStatus.IN_TRANSIT),        // customs
            Map.entry("10", TrackingStatus.IN_TRANSIT),       // waiting for customs clearance
            Map.entry("11", TrackingStatus.IN_TRANSIT),       // in customs clearance
            Map.entry("12", TrackingStatus.IN_TRANSIT),       // cleared customs
            Map.entry("13", TrackingStatus.EXCEPTION),        // customs problem
            Map.entry("14", TrackingStatus.DELIVERY_FAILED)); // refused by the consignee

    /** Kuaidi100's detailed codes (高级物流状态值), by main state. */
    static final Map<String, TrackingStatus> DETAILED = Map.ofEntries(
            // 1 揽收
            Map.entry("101", TrackingStatus.INFO_RECEIVED),     // 已下单: the waybill is ordered
            Map.entry("102", TrackingStatus.INFO_RECEIVED),     // 待揽收: waiting for the carrier to collect it
            Map.entry("103", TrackingStatus.INFO_RECEIVED),     // 已揽收: collected by the carrier
            // 0 在途
            Map.entry("1001", TrackingStatus.IN_TRANSIT),       // 到达派件城市: arrived in the consignee's city
            Map.entry("1002", TrackingStatus.IN_TRANSIT),       // 干线: on its way (trunk line)
            Map.entry("1003", TrackingStatus.IN_TRANSIT),       // 转递: sent on to a new delivery address
            // 5 派件
            Map.entry("501", TrackingStatus.OUT_FOR_DELIVERY),  // 投柜或驿站: put in a parcel locker or pickup station
            // 3 签收
            Map.entry("301", TrackingStatus.DELIVERED),         // 本人签收: signed by the consignee
            Map.entry("302", TrackingStatus.DELIVERED),         // 派件异常后签收: signed after a delivery problem
            Map.entry("303", TrackingStatus.DELIVERED),         // 代签: signed for by someone else
            Map.entry("304", TrackingStatus.DELIVERED),         // 投柜或站签收: taken out of the locker or station
            // 4 退签
            Map.entry("401", TrackingStatus.EXCEPTION),         // 已销单: the waybill was cancelled; someone has to look
            // 2 疑难
            Map.entry("201", TrackingStatus.EXCEPTION),         // 超时未签收: out for delivery long ago, not signed
            Map.entry("202", TrackingStatus.EXCEPTION),         // 超时未更新: no news for a long time
            Map.entry("203", TrackingStatus.DELIVERY_FAILED),   // 拒收: the consignee refuses it, the sender to confirm
            Map.entry("204", TrackingStatus.DELIVERY_FAILED),   // 派件异常: a problem delivering it
            Map.entry("205", TrackingStatus.DELIVERY_FAILED),   // 柜或驿站超时未取: not collected from locker or station
            Map.entry("206", TrackingStatus.DELIVERY_FAILED),   // 无法联系: the consignee cannot be reached
            Map.entry("207", TrackingStatus.EXCEPTION),         // 超区: outside the carrier's service area
            Map.entry("208", TrackingStatus.EXCEPTION),         // 滞留: held at the outlet, not out for delivery
            Map.entry("209", TrackingStatus.EXCEPTION),         // 破损: damaged
            Map.entry("210", TrackingStatus.EXCEPTION));        // 销单: the sender cancelled the shipment

    private Kuaidi100States() {
    }

    /**
     * @return our status for a main or detailed state code; a detailed code not in the table counts as its main
     *     state, and a code that fits no main state (or none at all) as in transit
     */
    public static TrackingStatus of(String state) {
        String code = state == null ? "" : state.trim();
        TrackingStatus known = STATES.containsKey(code) ? STATES.get(code) : DETAILED.get(code);
        if (known != null) {
            return known;
        }
        Optional<String> main = mainStateOf(code).filter(STATES::containsKey);
        if (!code.isEmpty()) {
            log.warn("Kuaidi100 state {} is not in its status table: counted as {}", code,
                    main.map(m -> "its main state " + m).orElse("in transit"));
        }
        return main.map(STATES::get).orElse(TrackingStatus.IN_TRANSIT);
    }

    /**
     * The main state a detailed code belongs to, as Kuaidi100's table forms them: three digits are the main state
     * and two more (101 → 1, 209 → 2), and 100x are the details of 0 (1002 → 0).
     */
    static Optional<String> mainStateOf(String code) {
        if (code.matches("100[0-9]")) {
            return Optional.of("0");
        }
        if (code.matches("[1-9][0-9]{2}")) {
            return Optional.of(code.substring(0, 1));
        }
        return Optional.empty();
    }
}
