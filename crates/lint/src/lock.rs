//! PostgreSQL's table locks, and what each blocks on a live table.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// `SHARE`: `CREATE INDEX`.
    Share,
    /// `SHARE ROW EXCLUSIVE`: `ADD FOREIGN KEY` (on both tables).
    ShareRowExclusive,
    /// `ACCESS EXCLUSIVE`: most `ALTER TABLE` forms, `DROP`, `RENAME`.
    AccessExclusive,
}

impl Lock {
    pub fn name(self) -> &'static str {
        match self {
            Lock::Share => "SHARE",
            Lock::ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            Lock::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }

    pub fn blocks(self) -> &'static str {
        match self {
            Lock::Share => "every INSERT, UPDATE and DELETE on the table (reads go on)",
            Lock::ShareRowExclusive => "every INSERT, UPDATE and DELETE on the table (reads go on)",
            Lock::AccessExclusive => "every query on the table, reads included",
        }
    }
}
