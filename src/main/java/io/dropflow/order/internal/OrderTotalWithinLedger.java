package io.dropflow.order.internal;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.dropflow.settlement.Currencies;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * An order comes to less than {@link #LIMIT} (10^12) in its currency, and so does each of its lines
 * (quantity × salePrice): every amount booked for it (the sale, a refund in full) then fits the ledger's
 * columns (numeric(19,4): 15 digits before the point) with three digits to spare for its conversion into
 * the settlement currency. Each line alone is checked too (1000 × 9999999999999.99 passes the line's own
 * rules), so that the answer names the line that is too large.
 */
@Documented
@Constraint(validatedBy = OrderTotalWithinLedger.Check.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface OrderTotalWithinLedger {

    /** What an order, and each of its lines, comes to at most (exclusive): 10^12 in the order's currency. */
    BigDecimal LIMIT = BigDecimal.TEN.pow(12);

    String message() default "the order comes to more than an order may";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<OrderTotalWithinLedger, PlaceOrder> {

        @Override
        public boolean isValid(PlaceOrder order, ConstraintValidatorContext context) {
            if (order == null || order.lines() == null || !Currencies.isActive(order.currency())) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < order.lines().size(); i++) {
                PlaceOrder.Line line = order.lines().get(i);
                if (line == null || line.salePrice() == null || line.quantity() <= 0) {
                    continue; // the line's own rules name it
                }
                BigDecimal amount = line.salePrice().multiply(BigDecimal.valueOf(line.quantity()));
                total = total.add(amount);
                if (amount.compareTo(LIMIT) >= 0) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(escaped("quantity × salePrice comes to "
                                    + amount.toPlainString() + " " + order.currency() + ", more than an order may: "
                                    + "less than " + LIMIT.toPlainString() + " " + order.currency()))
                            .addPropertyNode("lines").addPropertyNode("salePrice").inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            if (total.compareTo(LIMIT) >= 0) {
                valid = false;
                context.buildConstraintViolationWithTemplate(escaped("saleTotal (the lines' quantity × salePrice) "
                                + "comes to " + total.toPlainString() + " " + order.currency() + ", more than an order "
                                + "may: less than " + LIMIT.toPlainString() + " " + order.currency()))
                        .addPropertyNode("lines").addConstraintViolation();
            }
            return valid;
        }

        /** Bean validation reads { } $ \ in a message template as its own. */
        private static String escaped(String message) {
            return message.replaceAll("([{}$\\\\])", "\\\\$1");
        }
    }
}
