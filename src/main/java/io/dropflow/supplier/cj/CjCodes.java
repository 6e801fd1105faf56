package io.dropflow.supplier.cj;

import java.util.Map;

/**
 * CJ's envelope codes (API 2.0, "Appendix 1: Global Error Codes",
 * https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html) and what Dropflow does
 * with each. CJ answers errors inside HTTP 200; CJ asks to judge by code, never by message.
 */
enum CjCodes {
    /** 200: done. */
    SUCCESS,
    /**
     * Try again later: the job's retry cycle does. For 1600000 CJ adds "no more than 3 times"
     * (https://developers.cjdropshipping.cn/zh/api/api2/standard/ps-code.html): {@link CjBusy} ends the
     * step's retries after three.
     */
    RETRY,
    /** Too many calls: slow down (PartnerCalls waits and pauses the account). */
    THROTTLED,
    /** The access token is invalid or expired: renew it and call once more. */
    REAUTHENTICATE,
    /** A person must act at CJ (top up the balance, pay): an operator task, and the call is retried meanwhile. */
    OPERATOR,
    /** Our settings are wrong (interface, account, logistic name): an incident naming the setting. */
    CONFIGURATION,
    /** The order (or the thing asked about) does not exist at CJ. */
    NOT_FOUND,
    /** A real refusal of this request: for an order, the next supplier is tried. */
    REFUSED;

    static final Map<Integer, CjCodes> TABLE = Map.ofEntries(
            Map.entry(200, SUCCESS),
            Map.entry(1600000, RETRY),           // System busy
            Map.entry(1600001, REAUTHENTICATE),  // No permission: CJ-Access-Token is invalid
            Map.entry(1600002, REAUTHENTICATE),  // CJ-Access-Token not found
            Map.entry(1600003, REAUTHENTICATE),  // Refresh token is failure: log in again
            // "Please check if your email and API key are correct, or if your API store is authorized":
            // the account, not the order. Left to the default these refused every order and sent it on to
            // the next supplier; a new token does not help either, so they name the settings instead.
            Map.entry(1600004, CONFIGURATION),   // Authorization failed, please check cj account
            Map.entry(1600005, CONFIGURATION),   // APIkey is wrong, please check and try again
            Map.entry(1600006, CONFIGURATION),   // Developer account not found
            Map.entry(1600007, CONFIGURATION),   // The user has been bound to another developer account
            Map.entry(1600008, CONFIGURATION),   // Authorization failed, please check cj account
            Map.entry(1600030, REAUTHENTICATE),  // token invalidation fail
            Map.entry(1600031, CONFIGURATION),   // Invalid platform token (Dropflow uses none: a wrong setup)
            Map.entry(1600100, CONFIGURATION),   // The interface has been taken offline
            Map.entry(1600101, CONFIGURATION),   // Interface not found
            Map.entry(1600200, THROTTLED),       // Call exceeded limit
            Map.entry(1600201, RETRY),           // Quota has been used up (resets daily)
            Map.entry(1600300, REFUSED),         // Illegal parameter
            Map.entry(1601000, CONFIGURATION),   // User not found
            Map.entry(1602000, REFUSED),         // Variant not found
            Map.entry(1602001, REFUSED),         // Product not found, or offline
            Map.entry(1603000, RETRY),           // Order create fail, please contact CJ admin
            Map.entry(1603001, RETRY),           // Order confirm fail
            Map.entry(1603002, REFUSED),         // Order delete fail
            Map.entry(1603100, NOT_FOUND),       // Order not found
            Map.entry(1603101, OPERATOR),        // Order pay fail, please contact CJ Order Center
            Map.entry(1604000, OPERATOR),        // Balance is insufficient
            Map.entry(1605000, CONFIGURATION));  // Logistic not found (our logistic-name)

    /** @return what to do; a code CJ adds later counts as a refusal of the request */
    static CjCodes of(int code) {
        return TABLE.getOrDefault(code, REFUSED);
    }
}
