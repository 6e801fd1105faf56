-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- A group-buy refund is decided and claimed before the storefront is asked for it, and recorded as paid after
-- (Refunding): the storefront is no longer called under the order's row lock, nor in one transaction for the whole
-- batch. The refund's row is written when it is claimed, refunded_at still empty, with the job paying it
-- (sending_by, its execution's id) and since when (sending_since); its lines are REFUNDING meanwhile (a status, no
-- column). A claim older than the sending lease (Refunding.SENDING_LEASE) is one whose job died, paid by the next
-- job under the same key. Rows written before are refunds paid.
alter table group_buy_refund alter column refunded_at drop not null;
alter table group_buy_refund add column sending_by varchar(64);
alter table group_buy_refund add column sending_since timestamp with time zone;
