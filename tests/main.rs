//! One integration-test binary; a module per theme.

mod ingest;
mod prop;
