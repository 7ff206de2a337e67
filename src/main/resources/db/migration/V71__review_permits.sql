-- What a ministry grants with its approval: the permit or licence number customs declares, how long
-- it is valid, and its conditions (e.g. inspection on arrival, which the port's risk assessment reads).
alter table authority_review add column permit_number varchar(100);
alter table authority_review add column permit_valid_until date;
alter table authority_review add column permit_conditions varchar(500);
