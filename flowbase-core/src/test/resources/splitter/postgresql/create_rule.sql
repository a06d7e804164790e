CREATE TABLE event_log (id serial, what text);
CREATE TABLE item (id int, name text);
-- A rule with several actions: the semicolons inside the parentheses do not end it.
CREATE RULE log_item_insert AS ON INSERT TO item
    DO ALSO (
        INSERT INTO event_log (what) VALUES ('insert; ' || NEW.name);
        INSERT INTO event_log (what) VALUES ('second')
    );
INSERT INTO item VALUES (1, 'first');
SELECT count(*) FROM event_log;
