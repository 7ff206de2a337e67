-- RAIL_CONSIGNMENT_NOTE (21 characters), offered by the API and the start form, did not fit.
alter table consignment alter column transport_document_type set data type varchar(40);
