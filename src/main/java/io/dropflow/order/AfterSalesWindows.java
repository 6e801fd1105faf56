package io.dropflow.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long after delivery an order can still be returned or claimed for, when its margin is
 * final, and when an undelivered parcel is overdue: one decision analysts own (bpmn/after-sales-windows.dmn), read by return intake, claim
 * intake and the order's settlement, so the three can never disagree.
 */
public interface AfterSalesWindows {

    /**
     * @param settleAfter never shorter than either window: an order is not settled finally while it
     *     can still be returned or claimed for
     * @param deliveryOverdueAfter counted from the first shipment: a parcel still not delivered then may
     *     be claimed for
     */
    record Windows(Duration returnWindow, Duration claimWindow, Duration settleAfter, Duration deliveryOverdueAfter) {

        public Windows {
            Duration lastWindow = returnWindow.compareTo(claimWindow) >= 0 ? returnWindow : claimWindow;
            settleAfter = settleAfter.compareTo(lastWindow) >= 0 ? settleAfter : lastWindow;
        }
    }

    /**
     * The windows of this order, counted from its delivery.
     *
     * @throws io.dropflow.web.NotFound for an unknown order
     */
    Windows of(Long orderId);

    /**
     * A window as operators and storefronts read it: "30 days", "14 minutes" (a demo's day), "1 day 12 hours";
     * an ISO duration (P30D, PT14M) is for machines.
     */
    static String inWords(Duration window) {
        List<String> parts = new ArrayList<>();
        counted(parts, window.toDays(), "day");
        counted(parts, window.toHoursPart(), "hour");
        counted(parts, window.toMinutesPart(), "minute");
        counted(parts, window.toSecondsPart(), "second");
        return parts.isEmpty() ? "0 minutes" : String.join(" ", parts);
    }

    private static void counted(List<String> parts, long count, String unit) {
        if (count != 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }
}
