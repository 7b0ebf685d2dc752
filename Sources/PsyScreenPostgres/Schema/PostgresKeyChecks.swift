/// The foreign keys of the attempt table (and, until migration `v7` folded the results into their attempts, of the
/// instrument result table), checked once per statement (migration `pg-key-checks-1`).
///
/// A PostgreSQL foreign key is checked row by row: for every new attempt a query that finds and locks its wave,
/// its student and its import, for every result its attempt — four fifths of a paper import's time went there.
/// These keys are checked instead by statement-level triggers that see all the rows a statement wrote at once
/// (transition tables) and keep what the foreign keys guaranteed, for every role (the functions run with the
/// owner's rights, as foreign-key checks do, and see rows that row-level security hides):
///
/// - a child's new or changed key must be in its parent table, whose rows are locked as a foreign key locks them
///   (`FOR KEY SHARE`: a concurrent delete of the parent waits for the writing transaction and then finds its
///   children; an insert waits for a concurrent delete and then finds the parent gone);
/// - a parent's key may not be deleted or changed while a child references it (a result follows its attempt:
///   deleted with it, as `ON DELETE CASCADE` did), nor its table truncated while the child table has rows;
/// - the errors are the foreign keys' own, under the same constraint names.
///
/// The other foreign keys (answers, follow-ups, imports, releases) stay: their rows come one or a few at a time.
enum PostgresKeyChecks {
    /// A checked key: `child.column` references `parent.parentColumn`.
    struct Key {
        var constraint: String
        var child: String
        var column: String
        var parent: String
        var parentColumn: String
        /// Children are deleted with their parent (else the parent's delete is refused).
        var cascade = false
    }

    static let keys = [
        Key(constraint: "attempt_wave_id_fkey", child: "attempt", column: "wave_id", parent: "wave", parentColumn: "id"),
        Key(
            constraint: "attempt_student_id_fkey", child: "attempt", column: "student_id", parent: "student",
            parentColumn: "student_id"),
        Key(constraint: "attempt_import_id_fkey", child: "attempt", column: "import_id", parent: "import", parentColumn: "id"),
        Key(
            constraint: "instrument_result_attempt_id_fkey", child: "instrument_result", column: "attempt_id",
            parent: "attempt", parentColumn: "id", cascade: true),
    ]

    /// The trigger functions by signature (never run directly: no grant needed by any role).
    static let functions = ["psyscreen_parents_present()", "psyscreen_children_follow()"]

    /// The migration's SQL; `SCHEMA` is replaced by the quoted schema of the tables.
    static var migration: String {
        var sql = keys.map { "ALTER TABLE \($0.child) DROP CONSTRAINT \($0.constraint);\n" }.joined()
        sql += definitions
        // One trigger per child table and event: the table's keys are checked from one transition table.
        for child in ["attempt", "instrument_result"] {
            let arguments = keys.filter { $0.child == child }
                .map { "'\($0.constraint)', '\($0.column)', '\($0.parent)', '\($0.parentColumn)'" }.joined(separator: ", ")
            sql += """
                CREATE TRIGGER psyscreen_parents_insert AFTER INSERT ON \(child) REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION psyscreen_parents_present(\(arguments));
                CREATE TRIGGER psyscreen_parents_update AFTER UPDATE ON \(child)
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION psyscreen_parents_present(\(arguments));

                """
        }
        for key in keys {
            let arguments =
                "'\(key.constraint)', '\(key.child)', '\(key.column)', '\(key.parentColumn)'" + (key.cascade ? ", 'cascade'" : "")
            let name = "psyscreen_\(key.constraint)"
            sql += """
                CREATE TRIGGER \(name)_delete AFTER DELETE ON \(key.parent) REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION psyscreen_children_follow(\(arguments));
                CREATE TRIGGER \(name)_update AFTER UPDATE ON \(key.parent)
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION psyscreen_children_follow(\(arguments));
                CREATE TRIGGER \(name)_truncate AFTER TRUNCATE ON \(key.parent)
                    FOR EACH STATEMENT EXECUTE FUNCTION psyscreen_children_follow(\(arguments));

                """
        }
        return sql + "REVOKE ALL ON FUNCTION \(functions.joined(separator: ", ")) FROM PUBLIC;\n"
    }

    private static let definitions = """
        -- A child table's statement: every key its new rows hold is in the parent table, whose rows are locked as a
        -- foreign key locks them. Arguments, four per key: the constraint's name, the child's column, the parent
        -- table and its column.
        CREATE FUNCTION psyscreen_parents_present() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        DECLARE
            v_constraint text;
            v_column text;
            v_parent text;
            v_parent_column text;
            v_type text;
            v_keys text[];
            v_locked bigint;
            v_key text;
            v_unchanged boolean;
        BEGIN
            -- An update whose rows reference no key they did not reference before checks nothing (as a foreign key):
            -- every parent it references was referenced, so could not be deleted, before.
            IF TG_OP = 'UPDATE' THEN
                EXECUTE format('SELECT NOT EXISTS (SELECT %1$s FROM new_rows EXCEPT SELECT %1$s FROM old_rows)',
                    (SELECT string_agg(quote_ident(TG_ARGV[i]), ', ') FROM generate_series(1, TG_NARGS - 1, 4) i))
                    INTO v_unchanged;
                IF v_unchanged THEN
                    RETURN NULL;
                END IF;
            END IF;
            FOR i IN 0 .. TG_NARGS - 1 BY 4 LOOP
                v_constraint := TG_ARGV[i];
                v_column := TG_ARGV[i + 1];
                v_parent := TG_ARGV[i + 2];
                v_parent_column := TG_ARGV[i + 3];
                -- The distinct keys as an array constant: the planner then knows how many there are (an index
                -- look-up each for a few, one scan of the parent for many), as it cannot from a transition table.
                EXECUTE format('SELECT array_agg(DISTINCT n.%1$I)::text[] FROM new_rows n WHERE n.%1$I IS NOT NULL', v_column)
                    INTO v_keys;
                CONTINUE WHEN v_keys IS NULL;
                SELECT format_type(a.atttypid, NULL) INTO v_type FROM pg_attribute a
                WHERE a.attrelid = v_parent::regclass AND a.attname = v_parent_column;
                EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM %I p WHERE p.%I = ANY ($1::%s[]) FOR KEY SHARE OF p) l',
                    v_parent, v_parent_column, v_type) INTO v_locked USING v_keys;
                IF v_locked < cardinality(v_keys) THEN
                    EXECUTE format('SELECT n.%1$I::text FROM new_rows n WHERE n.%1$I IS NOT NULL '
                        'AND NOT EXISTS (SELECT 1 FROM %2$I p WHERE p.%3$I = n.%1$I) LIMIT 1',
                        v_column, v_parent, v_parent_column) INTO v_key;
                    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, v_constraint
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = v_constraint,
                            DETAIL = format('Key (%s)=(%s) is not present in table "%s".', v_column, v_key, v_parent);
                END IF;
            END LOOP;
            RETURN NULL;
        END $$;

        -- A parent table's statement: a key it deleted or changed that the child table still references is refused,
        -- or with 'cascade' a deleted parent's children are deleted too; a truncation is refused while the child
        -- table has rows. Arguments: the constraint's name, the child table, its column, the parent's column, and
        -- optionally 'cascade'.
        CREATE FUNCTION psyscreen_children_follow() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = SCHEMA, pg_temp AS $$
        DECLARE
            v_referenced boolean;
            v_key text;
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I)', TG_ARGV[1]) INTO v_referenced;
                IF v_referenced THEN
                    RAISE EXCEPTION 'cannot truncate a table referenced in a foreign key constraint'
                        USING ERRCODE = 'feature_not_supported', CONSTRAINT = TG_ARGV[0],
                            DETAIL = format('Table "%s" references "%s".', TG_ARGV[1], TG_TABLE_NAME),
                            HINT = format('Truncate table "%s" at the same time.', TG_ARGV[1]);
                END IF;
                RETURN NULL;
            END IF;
            IF TG_OP = 'DELETE' AND TG_NARGS > 4 AND TG_ARGV[4] = 'cascade' THEN
                EXECUTE format('DELETE FROM %I c WHERE c.%I IN (SELECT o.%I FROM old_rows o)', TG_ARGV[1], TG_ARGV[2], TG_ARGV[3]);
                RETURN NULL;
            END IF;
            EXECUTE format('SELECT o.%3$I::text FROM old_rows o WHERE %5$s NOT EXISTS (SELECT 1 FROM %4$I p WHERE p.%3$I = o.%3$I) '
                    'AND EXISTS (SELECT 1 FROM %1$I c WHERE c.%2$I = o.%3$I) LIMIT 1',
                TG_ARGV[1], TG_ARGV[2], TG_ARGV[3], TG_TABLE_NAME,
                CASE WHEN TG_OP = 'UPDATE' THEN format('NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.%1$I = o.%1$I) AND', TG_ARGV[3])
                     ELSE '' END)
                INTO v_key;
            IF v_key IS NOT NULL THEN
                RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
                    TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1]
                    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[0],
                        DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[3], v_key, TG_ARGV[1]);
            END IF;
            RETURN NULL;
        END $$;

        """
}
