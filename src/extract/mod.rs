//! Extraction: sentence roles with their cues, figures, problems and
//! commitments. Reads only the outline and tokens; knows nothing of output.

pub(crate) mod cues;
mod figure;
mod genre;
mod model;
pub mod numeral;
mod records;
mod role;
mod scan;

pub use figure::{extract_figures, Approx, Figure, FigureFinder, FigureKind, FigureValue};
pub(crate) use genre::genre;
pub use genre::Genre;
pub(crate) use records::records;
pub use records::{Cause, CauseKind, Commitment, Problem};

#[cfg(test)]
pub(crate) use cues::assert_sorted_unique;
pub(crate) use cues::data_lines;
pub(crate) use model::{train, RoleModel, Sample, CONTEXT_MODEL, MODEL};
pub(crate) use role::{classify, context_features, Bounds, CtxKey};

pub use role::Role;
