/**
 * CJ Dropshipping as a supplier: orders placed with {@code createOrderV2}, looked up with
 * {@code getOrderDetail}, unpaid ones cancelled with {@code deleteOrder}, and CJ's ORDER and
 * LOGISTIC webhook messages (signed with the account's openId) mapped onto our supplier events and
 * tracking events.
 */
package io.dropflow.supplier.cj;
