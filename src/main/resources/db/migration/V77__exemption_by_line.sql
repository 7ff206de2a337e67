-- The exemption line by line and tax by tax, with its legal basis.
alter table consignment add column exemption_legal_basis varchar(40);
-- comma-separated Tax names the line is exempt from (IMPORT_DUTY, EXCISE, VAT); null = none
alter table consignment_line add column exempted_taxes varchar(60);
update consignment_line set exempted_taxes = 'IMPORT_DUTY,EXCISE,VAT'
where consignment_id in (select id from consignment where exemption_decision = 'FULL');
