package io.dropflow.order;

import java.time.Duration;

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
}
