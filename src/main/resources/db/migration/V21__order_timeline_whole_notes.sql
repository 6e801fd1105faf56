-- An operator's note on an order task may be as long as its form allows (2000 characters), and it
-- goes into the timeline after "Note on '<task name>': ". The timeline cut such lines at 1000
-- characters without a word; now a line holds the whole note.
alter table order_timeline alter column what set data type varchar(2200);
