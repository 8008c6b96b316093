//! Extraction: sentence roles with their cues, figures, problems and
//! commitments. Reads only the outline and tokens; knows nothing of output.

mod role;

pub use role::Role;
