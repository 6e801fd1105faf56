-- Written in SQL that both PostgreSQL (production) and H2 (embedded demo) accept.
-- Every supplier event id is remembered in partner_delivery (partner 'supplier', the supplier's code, the event
-- as received), whatever the event came to, so that a redelivery is told from an id sent again with other
-- content. Before, an event that moved its purchase order was known by its inbox message only (source
-- 'supplier', '<supplier code>:<event id>'; supplier codes have no ':'): each is recorded as taken, with an
-- empty payload (what it said was not kept), and a redelivery of it is acknowledged as before.
insert into partner_delivery (partner, account, topic, delivery_id, payload, status, attempts, received_at,
        finished_at)
select 'supplier', substring(m.source_event_id from 1 for position(':' in m.source_event_id) - 1), 'applied',
        substring(m.source_event_id from position(':' in m.source_event_id) + 1), '', 'TAKEN', 1, m.received_at,
        m.received_at
from inbox_message m
where m.source = 'supplier' and position(':' in m.source_event_id) > 1
    and not exists (select 1 from partner_delivery d where d.partner = 'supplier'
        and d.account = substring(m.source_event_id from 1 for position(':' in m.source_event_id) - 1)
        and d.delivery_id = substring(m.source_event_id from position(':' in m.source_event_id) + 1));
