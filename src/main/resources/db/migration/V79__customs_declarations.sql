-- The customs system's answer to a clearance decision, on the release it declares: the declaration
-- number, the procedure (normal or IM8) and the release order that lets the goods leave.
alter table consignment_release add column procedure_code varchar(20);
alter table consignment_release add column release_order varchar(60);
alter table consignment_release add column declared_at timestamp with time zone;
alter table customs_hand_off add column declaration_number varchar(60);
