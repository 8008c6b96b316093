//! The crate's error type.

use std::fmt;

/// What went wrong, as a stable machine-readable code.
///
/// The code is what the `error.kind` field of an error record carries
/// (`"decode"`, `"binary"`, …).
///
/// ```
/// use shuzhi::ErrorKind;
/// assert_eq!(ErrorKind::TooLarge.as_str(), "too_large");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not text in any supported encoding.
    Decode,
    /// The input looks like a binary file (NUL bytes, control characters).
    Binary,
    /// The input is larger than the configured limit.
    TooLarge,
    /// A file format the crate does not read (`.doc`, `.wps`, `.pdf`…).
    UnsupportedFormat,
    /// A `.docx` file that could not be read (bad zip, bad XML, too large when unpacked).
    Docx,
    /// Reading a file or stream failed.
    Io,
    /// A dictionary or lexicon could not be loaded.
    Dictionary,
    /// A configuration value or file is invalid.
    Config,
    /// An input line is not the expected JSON.
    Input,
    /// A bug: the analysis of this input failed inside the crate.
    Internal,
}

impl ErrorKind {
    /// The code used in error records.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Decode => "decode",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::UnsupportedFormat => "unsupported_format",
            ErrorKind::Docx => "docx",
            ErrorKind::Io => "io",
            ErrorKind::Dictionary => "dictionary",
            ErrorKind::Config => "config",
            ErrorKind::Input => "input",
            ErrorKind::Internal => "internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with a [kind](ErrorKind) and a message for a person.
///
/// ```
/// use shuzhi::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::UnsupportedFormat, "legacy .doc file: save it as .docx or .txt");
/// assert_eq!(e.kind(), ErrorKind::UnsupportedFormat);
/// assert!(e.to_string().contains(".docx"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// An error of `kind` with `message`, caused by `source`.
    pub fn with_source(
        kind: ErrorKind,
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        Error {
            kind,
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(s) = &self.source {
            write!(f, ": {s}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::with_source(ErrorKind::Io, "i/o error", e)
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
