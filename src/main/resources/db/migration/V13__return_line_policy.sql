-- Issue 16, defect 6: the return policy is judged per returned line (each line's product category
-- through bpmn/return-policy.dmn), not on the first line's category for all of them. One row per
-- returned line: its category, value, what we paid the supplier for it, and the table's verdict.
create table return_line_policy (
    return_id                bigint        not null references return_request (id),
    line_no                  integer       not null,
    sku                      varchar(64)   not null,
    product_category         varchar(64)   not null,
    sale_value               numeric(19,4) not null,
    supply_value             numeric(19,4) not null,
    allowed                  boolean,
    return_shipping_paid_by  varchar(16),
    restocking_fee_rate      numeric(5,4),
    supplier_must_agree      boolean,
    exchange_after_receipt   boolean,
    policy_rule              varchar(300),
    primary key (return_id, line_no)
);

-- The restocking fee of the allowed lines, each at its own line's rate (null on returns judged
-- before: their fee is returned_value x restocking_fee_rate).
alter table return_request add column restocking_fee numeric(19,4);
alter table return_request alter column policy_rule set data type varchar(1000);
