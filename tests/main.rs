//! One integration-test binary; a module per theme.

mod assess;
#[cfg(feature = "cli")]
mod cli;
mod figures;
#[cfg(feature = "cli")]
mod hostile;
mod ingest;
mod peers;
mod prop;
mod roles;
