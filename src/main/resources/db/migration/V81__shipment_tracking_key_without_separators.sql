-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- A tracking number is compared without the spaces and hyphens it is printed and read out with ("SBX 920536 33950Z",
-- "RR 123 456 785 DE"), full-width letters and digits (a Chinese input method's) as the plain ones, in any letter case:
-- V79's key (only stripped and upper case) took a supplier's SHIPPED under another order's parcel written so, and more
-- orders followed one parcel (exploratory test s18, H3). Shipment.trackingKey (TrackingNumbers.key) writes the new key
-- for new parcels: Unicode NFKC, without separators, upper case. This gives the parcels recorded before the same key,
-- in what both databases can do without NFKC: full-width digits and Latin letters mapped to the plain ones, the
-- ideographic space, the no-break space, tabs and line breaks, the hyphen and the dashes (‐ ‑ ‒ – — ―, minus, the small
-- and the full-width hyphen-minus) removed; a number with another NFKC variant (rare: suppliers send plain numbers) is
-- keyed when its row is next written (Shipment's @PreUpdate). The carrier code's part is V79's.
-- The key stays optional, not unique (review s17, F1): a node from before V79 records parcels without it, found by
-- their spelling; one from before V81 with V79's key, found by it (Shipments); each is keyed when next written.
update shipment set tracking_key = upper(trim(carrier_code)) || ' ' || upper(translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(trim(tracking_number),
        ' ', ''), chr(9), ''), chr(10), ''), chr(13), ''), chr(11), ''), chr(12), ''), '　', ''), ' ', ''),
        '-', ''), '‐', ''), '‑', ''), '‒', ''), '–', ''), '—', ''), '―', ''), '−', ''), '﹣', ''), '－', ''),
    '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
    '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'));
