-- Why an emergency was ended early: the officer's form requires it, the record keeps it.
alter table emergency add column end_reason varchar(1000);
