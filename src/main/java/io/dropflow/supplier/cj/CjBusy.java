package io.dropflow.supplier.cj;

import io.dropflow.processengine.RetriedAtMost;
import io.dropflow.supplier.SupplierUnavailableException;

/**
 * CJ answered 1600000, "System busy": "服务器暂不可用,建议稍候重试。建议重试次数不超过3次" (try again later,
 * no more than 3 times; Global Error Codes, https://developers.cjdropshipping.cn/zh/api/api2/standard/ps-code.html).
 * Retried later like any outage, but the step that met it gets at most {@link #RETRIES} retries, then an
 * incident (not the five of its cycle): {@link RetriedAtMost}.
 */
class CjBusy extends SupplierUnavailableException implements RetriedAtMost {

    static final int CODE = 1600000;
    static final int RETRIES = 3;

    CjBusy(String message) {
        super(message);
    }

    @Override
    public int retries() {
        return RETRIES;
    }
}
