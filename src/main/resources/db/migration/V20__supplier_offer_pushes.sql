-- The stock-and-price pushes taken from each supplier, by the supplier's event id: a redelivered or
-- replayed push (the same id) is acknowledged and changes nothing, so an old push cannot overwrite
-- a newer one.
create table supplier_offer_push (
    supplier_code varchar(64)  not null,
    event_id      varchar(100) not null,
    received_at   timestamp with time zone not null,
    constraint pk_supplier_offer_push primary key (supplier_code, event_id)
);
