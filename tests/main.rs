//! One integration-test binary; a module per theme.

mod assess;
#[cfg(feature = "cli")]
mod cli;
mod corpus;
#[cfg(feature = "cli")]
mod corpus_cli;
mod dedup;
mod figures;
#[cfg(feature = "cli")]
mod hostile;
mod html;
mod ingest;
mod peers;
#[cfg(feature = "cli")]
mod pipeline;
mod prop;
mod roles;
