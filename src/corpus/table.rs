//! Tidy tables and their CSV form: a header and rows of strings, written
//! by hand (RFC 4180 quoting) so the library needs no CSV crate.

use std::io::{self, Write};

/// A table of strings with named columns: one of the files `shuzhi
/// corpus` writes.
///
/// Every row has as many cells as there are columns. Numbers are already
/// formatted (fixed decimals, see [`fixed`]), so the same statistics always
/// give the same bytes.
///
/// ```
/// use shuzhi::corpus::Table;
/// let mut t = Table::new(["id", "text"]);
/// t.push(vec!["gwr-2020".into(), "疫情防控，\"六稳\"".into()]);
/// let mut out = Vec::new();
/// t.write_csv(&mut out, false).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "id,text\ngwr-2020,\"疫情防控，\"\"六稳\"\"\"\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(columns: I) -> Table {
        Table {
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; a short row is padded with empty cells and a long one cut
    /// to the number of columns, so the table stays rectangular.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
    }

    /// The index of column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The cells of column `name`, top to bottom (empty if there is none).
    pub fn cells(&self, name: &str) -> Vec<&str> {
        match self.column(name) {
            Some(i) => self.rows.iter().map(|r| r[i].as_str()).collect(),
            None => Vec::new(),
        }
    }

    /// Writes the table as CSV (comma-separated, `\n` line ends, a cell
    /// quoted when it holds a comma, a quote or a line break), with a UTF-8
    /// byte-order mark first when `bom` is set, for Excel.
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn write_csv(&self, w: &mut impl Write, bom: bool) -> io::Result<()> {
        self.write_csv_header(w, bom)?;
        self.write_csv_rows(w)
    }

    /// Writes the rows alone as CSV, without the header: for a table
    /// written in pieces as documents arrive.
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn write_csv_rows(&self, w: &mut impl Write) -> io::Result<()> {
        for r in &self.rows {
            write_row(w, r)?;
        }
        Ok(())
    }

    /// Writes the header alone as CSV, with a byte-order mark first when
    /// `bom` is set.
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn write_csv_header(&self, w: &mut impl Write, bom: bool) -> io::Result<()> {
        if bom {
            w.write_all("\u{feff}".as_bytes())?;
        }
        write_row(w, &self.columns)
    }
}

fn write_row(w: &mut impl Write, cells: &[String]) -> io::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        if c.contains([',', '"', '\n', '\r']) {
            w.write_all(b"\"")?;
            w.write_all(c.replace('"', "\"\"").as_bytes())?;
            w.write_all(b"\"")?;
        } else {
            w.write_all(c.as_bytes())?;
        }
    }
    w.write_all(b"\n")
}

/// `x` with exactly `decimals` digits after the point; `-0` and non-finite
/// values (from an empty denominator) are written as `0` with those digits.
///
/// ```
/// assert_eq!(shuzhi::corpus::fixed(0.123456, 4), "0.1235");
/// assert_eq!(shuzhi::corpus::fixed(f64::NAN, 2), "0.00");
/// ```
pub fn fixed(x: f64, decimals: usize) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.decimals$}");
    if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
        s[1..].to_owned()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_padding() {
        let mut t = Table::new(["a", "b", "c"]);
        t.push(vec!["1".into(), "x\ny".into()]);
        let mut out = Vec::new();
        t.write_csv(&mut out, true).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}a,b,c\n1,\"x\ny\",\n"
        );
        assert_eq!(fixed(-0.00001, 3), "0.000");
        assert_eq!(fixed(-1.5, 1), "-1.5");
    }
}
