//! Extraction: sentence roles with their cues, figures, problems and
//! commitments. Reads only the outline and tokens; knows nothing of output.

mod cues;
mod role;

pub(crate) use role::classify;

pub use role::Role;
