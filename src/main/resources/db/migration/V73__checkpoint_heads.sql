-- Release before the declaration (IM8) during an emergency is the head of the checkpoint's decision,
-- not any port officer's: one head group per port.
insert into official_group (id, name, role)
    select customs_group || '-heads', 'Head of checkpoint: ' || name, 'PORT_CUSTOMS' from port;

alter table port add column head_group varchar(64) references official_group (id);
update port set head_group = customs_group || '-heads';
