package io.dropflow.supplier.cj;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every code of CJ's "Appendix 1: Global Error Codes"
 * (https://developers.cjdropshipping.com/en/api/api2/standard/ps-code.html) and what Dropflow does with it.
 */
class CjCodesTest {

    @ParameterizedTest(name = "CJ {0} ({2}) is {1}")
    @CsvSource({
            "200, SUCCESS, Success",
            "1600000, RETRY, System busy",
            "1600001, REAUTHENTICATE, No permission: the access token is invalid",
            "1600002, REAUTHENTICATE, CJ-Access-Token not found",
            "1600003, REAUTHENTICATE, Refresh token is failure",
            "1600004, CONFIGURATION, Authorization failed: check the CJ account",
            "1600005, CONFIGURATION, APIkey is wrong",
            "1600006, CONFIGURATION, Developer account not found",
            "1600007, CONFIGURATION, The user has been bound to another developer account",
            "1600008, CONFIGURATION, Authorization failed: check the CJ account",
            "1600030, REAUTHENTICATE, token invalidation fail",
            "1600031, CONFIGURATION, Invalid platform token",
            "1600100, CONFIGURATION, The interface has been taken offline",
            "1600101, CONFIGURATION, Interface not found",
            "1600200, THROTTLED, Call exceeded limit",
            "1600201, RETRY, Quota has been used up",
            "1600300, REFUSED, Illegal parameter",
            "1601000, CONFIGURATION, User not found",
            "1602000, REFUSED, Variant not found",
            "1602001, REFUSED, Product not found",
            "1603000, RETRY, Order create fail",
            "1603001, RETRY, Order confirm fail",
            "1603002, REFUSED, Order delete fail",
            "1603100, NOT_FOUND, Order not found",
            "1603101, OPERATOR, Order pay fail",
            "1604000, OPERATOR, Balance is insufficient",
            "1605000, CONFIGURATION, Logistic not found",
            "1699999, REFUSED, a code CJ adds later"})
    void eachCodeOfCjsTableHasItsHandling(int code, CjCodes handling, String meaning) {
        assertThat(CjCodes.of(code)).as(meaning).isEqualTo(handling);
    }
}
