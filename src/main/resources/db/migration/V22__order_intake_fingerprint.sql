-- The same storefrontOrderId sent again is a retry only if it means the same order: the intake keeps
-- what the first request meant, a digest per field (OrderFingerprint: "path=digest;…", at most 50
-- lines of three fields), and answers another content under the same id with a problem naming the
-- fields. Orders taken before have none: the same id again still answers with the order.
alter table customer_order add column intake_fingerprint varchar(8000);
