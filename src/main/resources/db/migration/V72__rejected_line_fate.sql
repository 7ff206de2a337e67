-- What became of lines an authority refused: the port records it (RKC J5 and the SOP: refused goods
-- never silently disappear from the record).
alter table consignment_line add column fate varchar(20);
