//! One integration-test binary; a module per theme.

#[cfg(feature = "cli")]
mod cli;
mod ingest;
mod prop;
