//! One integration-test binary; a module per theme.

mod assess;
#[cfg(feature = "cli")]
mod cli;
mod dedup;
mod figures;
mod ingest;
mod peers;
#[cfg(feature = "cli")]
mod pipeline;
mod prop;
mod roles;
