package io.dropflow.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount with its currency, rounded to that currency's minor units (2 for EUR, 0 for JPY, 3 for
 * KWD) as partners and people read it. Adding amounts of two currencies is refused: they are
 * converted first ({@link ExchangeRates}).
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = inMinorUnits(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * This amount in shares proportional to {@code weights}, each in the currency's minor units, that add up
     * to exactly this amount: nothing is lost or made up by rounding. Largest remainder: every share gets
     * its proportion rounded down to a minor unit, and the minor units left go one each to the shares whose
     * proportion lost the most, the earlier share first on a tie (1.00 EUR over three equal weights is
     * 0.34, 0.33, 0.33; 1000 JPY is 334, 333, 333). A negative amount is shared the same way, negated.
     *
     * @param weights zero or more each, at least one more than zero
     */
    public List<Money> allocate(List<BigDecimal> weights) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            if (weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException("cannot share " + this + " by a weight of " + weight);
            }
            total = total.add(weight);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("cannot share " + this + " by weights that are all zero");
        }
        int scale = amount.scale();
        BigDecimal minorUnits = amount.abs().movePointRight(scale); // a whole number: the amount is in minor units
        BigDecimal[] shares = new BigDecimal[weights.size()];
        BigDecimal[] lost = new BigDecimal[weights.size()];
        BigDecimal left = minorUnits;
        for (int i = 0; i < shares.length; i++) {
            BigDecimal exact = minorUnits.multiply(weights.get(i));
            shares[i] = exact.divide(total, 0, RoundingMode.FLOOR);
            lost[i] = exact.subtract(shares[i].multiply(total));
            left = left.subtract(shares[i]);
        }
        List<Integer> byLoss = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            byLoss.add(i);
        }
        byLoss.sort(Comparator.comparing((Integer i) -> lost[i]).reversed().thenComparing(i -> i));
        for (int k = 0; left.signum() > 0; k++, left = left.subtract(BigDecimal.ONE)) {
            int i = byLoss.get(k);
            shares[i] = shares[i].add(BigDecimal.ONE);
        }
        List<Money> allocated = new ArrayList<>(shares.length);
        for (BigDecimal share : shares) {
            BigDecimal value = share.movePointLeft(scale);
            allocated.add(new Money(amount.signum() < 0 ? value.negate() : value, currency));
        }
        return List.copyOf(allocated);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " and " + other + ": convert first");
        }
    }

    /** "15.00 EUR". */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    public static BigDecimal inMinorUnits(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** "15.00 EUR". */
    public static String format(BigDecimal amount, String currency) {
        return inMinorUnits(amount, currency).toPlainString() + " " + currency;
    }

    /**
     * An amount someone sent, with its currency, in the currency's decimals but never rounded: "25.0" USD
     * reads "25.00 USD", "1500.0" JPY "1500 JPY"; "15.001" EUR, more decimals than EUR has, stays as sent
     * (rounding it would name an amount nobody sent).
     */
    public static String formatAsSent(BigDecimal amount, String currency) {
        int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal shown = amount.stripTrailingZeros().scale() > decimals ? amount
                : amount.setScale(decimals, RoundingMode.UNNECESSARY);
        return shown.toPlainString() + " " + currency;
    }
}
