package io.dropflow.groupbuy.internal;

import io.dropflow.settlement.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A group leader (团长): runs a pickup point, confirms what arrives and who collects, earns a commission. */
@Entity
@Table(name = "group_buy_leader")
public class Leader {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String phone;
    private String email;
    /** The leader's login: tasks are assigned to it, the leader API checks it. */
    private String userId;
    /** Share of a collected order's sale, e.g. 0.10. */
    private BigDecimal commissionRate;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Leader() {
    }

    public Leader(String code, String name, String phone, String email, String userId, BigDecimal commissionRate,
            Instant now) {
        this.code = code;
        this.createdAt = now;
        change(name, phone, email, userId, commissionRate, true, now);
    }

    public void change(String name, String phone, String email, String userId, BigDecimal commissionRate,
            boolean active, Instant now) {
        this.name = name;
        this.phone = phone;
        this.email = email;
        this.userId = userId;
        this.commissionRate = commissionRate;
        this.active = active;
        this.updatedAt = now;
    }

    /** What the leader earns on a collected sale, in the sale's currency. */
    public Money commissionOn(Money sale) {
        return sale.times(commissionRate);
    }

    public boolean isUser(String user) {
        return userId.equals(user);
    }

    /** Whether {@code user} acts as this leader: it is the leader's login, and the leader is active. */
    public boolean isActingUser(String user) {
        return active && isUser(user);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getUserId() { return userId; }
    public BigDecimal getCommissionRate() { return commissionRate; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
