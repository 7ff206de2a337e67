-- Every kind of consignee the SOP admits, and what each must hold:
--   UN_AGENCY           acts through its counterpart ministry; its basic agreement has no expiry
--   NATIONAL_SOCIETY    Red Cross / Red Crescent society, recognised by law; MoU with MoLSW
--   INGO                international NGO: MoU with a line ministry and an operating permit
--   FOREIGN_GOVERNMENT  government-to-government donation, received by a Lao government consignee
--   GOVERNMENT          MoLSW, disaster management committees: always eligible
alter table organisation add column counterpart_ministry varchar(200);
alter table organisation add column operating_permit_valid_until date;
alter table organisation add column contact_name varchar(200);
alter table organisation add column contact_email varchar(320);
alter table organisation add column contact_phone varchar(50);

update organisation set counterpart_ministry = 'Ministry of Labour and Social Welfare' where code = 'WFP';
update organisation set counterpart_ministry = 'Ministry of Labour and Social Welfare' where code = 'LRC';
update organisation set operating_permit_valid_until = '2024-06-30' where code = 'HOPEAID';
