//! Settings as data: every limit and threshold, serde-(de)serializable.

use serde::{Deserialize, Serialize};

/// Every setting of an [`Analyzer`](crate::Analyzer), with documented
/// defaults. Loadable from TOML or JSON, so one file configures a run on a
/// laptop or on a cluster's workers alike.
///
/// ```
/// use shuzhi::Config;
/// let c: Config = serde_json::from_str(r#"{"max_document_bytes": 1048576}"#).unwrap();
/// assert_eq!(c.max_document_bytes, 1 << 20);
/// assert_eq!(c.max_docx_unpacked_bytes, Config::default().max_docx_unpacked_bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Largest input document in bytes (default 32 MiB). A larger file is a
    /// `too_large` error record, found without reading the rest.
    pub max_document_bytes: u64,
    /// Most bytes a `.docx` may unpack to (default 128 MiB): a zip bomb is
    /// an error in bounded memory and time.
    pub max_docx_unpacked_bytes: u64,
    /// Force an input encoding (`gbk`, `gb18030`, `utf-8`, `utf-16le`, `big5`…)
    /// instead of detecting it; a byte-order mark still wins.
    pub encoding: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_document_bytes: 32 * 1024 * 1024,
            max_docx_unpacked_bytes: 128 * 1024 * 1024,
            encoding: None,
        }
    }
}
